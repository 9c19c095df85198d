package dev.migrations.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A table: its columns in their order, its keys, indexes and checks. Indexes, unique
 * constraints, foreign keys and checks are sorted by name. Immutable.
 *
 * @param name the name, as the database stores it
 * @param columns the columns, in the table's order
 * @param primaryKey the primary key, or {@code null}
 * @param uniqueConstraints the unique constraints (not the indexes behind them)
 * @param indexes the indexes other than those of the primary key and the unique
 * constraints
 * @param foreignKeys the foreign keys
 * @param checks the check constraints
 * @param comment the table's comment, or {@code null}
 */
public record Table(String name, List<Column> columns, @Nullable PrimaryKey primaryKey,
		List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<ForeignKey> foreignKeys, List<Check> checks,
		@Nullable String comment) {

	public Table {
		columns = List.copyOf(columns);
		uniqueConstraints = uniqueConstraints.stream().sorted(Comparator.comparing(UniqueConstraint::name)).toList();
		indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
		foreignKeys = foreignKeys.stream().sorted(Comparator.comparing(ForeignKey::name)).toList();
		checks = checks.stream().sorted(Comparator.comparing(Check::name)).toList();
	}

	/**
	 * Return a column by name.
	 * @param name the name, as the database stores it
	 * @return the column, if there is one
	 */
	public Optional<Column> column(String name) {
		return this.columns.stream().filter((column) -> column.name().equals(name)).findFirst();
	}

}
