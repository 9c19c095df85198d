package dev.migrations.dialect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.migrations.catalog.Check;
import dev.migrations.catalog.Column;
import dev.migrations.catalog.ForeignKey;
import dev.migrations.catalog.Index;
import dev.migrations.catalog.PrimaryKey;
import dev.migrations.catalog.Table;
import dev.migrations.catalog.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * What {@link H2CatalogReader}'s queries find of a table, a constraint, an index and a
 * domain, gathered row by row until each is made a catalog object.
 */
final class H2CatalogParts {

	private H2CatalogParts() {
	}

	/**
	 * What the queries find of one table, until it is made a {@link Table}.
	 */
	static final class TableParts {

		final String name;

		final @Nullable String comment;

		final List<Column> columns = new ArrayList<>();

		final Map<String, ConstraintParts> constraints = new LinkedHashMap<>();

		final Map<String, IndexParts> indexes = new LinkedHashMap<>();

		TableParts(String name, @Nullable String comment) {
			this.name = name;
			this.comment = comment;
		}

		ConstraintParts constraint(String constraintName, String type) {
			return this.constraints.computeIfAbsent(constraintName, (key) -> new ConstraintParts(type));
		}

		List<String> indexColumns(String indexName, boolean unique) {
			return this.indexes.computeIfAbsent(indexName, (key) -> new IndexParts(unique)).columns;
		}

		Table toTable() {
			PrimaryKey primaryKey = null;
			List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
			List<ForeignKey> foreignKeys = new ArrayList<>();
			List<String> unnamedChecks = new ArrayList<>();
			List<Check> checks = new ArrayList<>();
			Set<String> taken = new HashSet<>(this.constraints.keySet());
			for (Map.Entry<String, ConstraintParts> entry : this.constraints.entrySet()) {
				ConstraintParts constraint = entry.getValue();
				List<String> columns = constraint.columns;
				switch (constraint.type) {
					case "PRIMARY KEY" ->
						primaryKey = new PrimaryKey(name(entry.getKey(), List.of(), "pkey", taken), columns);
					case "UNIQUE" -> uniqueConstraints
						.add(new UniqueConstraint(name(entry.getKey(), columns, "key", taken), columns));
					case "FOREIGN KEY" -> foreignKeys.add(new ForeignKey(name(entry.getKey(), columns, "fkey", taken),
							columns, Objects.toString(constraint.referencedTable, ""), constraint.referencedColumns,
							Objects.toString(constraint.onDelete, "NO ACTION"),
							Objects.toString(constraint.onUpdate, "NO ACTION")));
					case "CHECK" -> {
						String clause = Objects.toString(constraint.checkClause, "");
						if (H2CatalogReader.isGeneratedName(entry.getKey())) {
							unnamedChecks.add(clause);
						}
						else {
							checks.add(new Check(entry.getKey(), clause));
						}
					}
					default -> {
					}
				}
			}
			unnamedChecks.stream()
				.sorted()
				.forEach((clause) -> checks.add(new Check(name("", List.of(), "check", taken), clause)));
			List<Index> indexes = new ArrayList<>();
			this.indexes.forEach((name, parts) -> indexes.add(new Index(name, parts.columns, parts.unique)));
			return new Table(this.name, this.columns, primaryKey, uniqueConstraints, indexes, foreignKeys, checks,
					this.comment);
		}

		/**
		 * Return a constraint's name, or the derived one where H2 chose it.
		 */
		String name(String name, List<String> columns, String suffix, Set<String> taken) {
			return (name.isEmpty() || H2CatalogReader.isGeneratedName(name))
					? ConstraintNames.unique(ConstraintNames.derived(this.name, columns, suffix), taken) : name;
		}

	}

	/**
	 * A column of a key, and for a foreign key's the position of the column it references
	 * in the referenced key.
	 */
	record KeyColumn(String table, String constraint, String column, @Nullable Integer referencedPosition) {

	}

	/**
	 * What a foreign key references: the referenced key and the actions.
	 */
	record Reference(String schema, String key, String onDelete, String onUpdate) {

	}

	static final class ConstraintParts {

		final String type;

		final List<String> columns = new ArrayList<>();

		final List<String> referencedColumns = new ArrayList<>();

		@Nullable String referencedTable;

		@Nullable String onDelete;

		@Nullable String onUpdate;

		@Nullable String checkClause;

		ConstraintParts(String type) {
			this.type = type;
		}

	}

	static final class IndexParts {

		final boolean unique;

		final List<String> columns = new ArrayList<>();

		IndexParts(boolean unique) {
			this.unique = unique;
		}

	}

	static final class DomainParts {

		final @Nullable String defaultValue;

		final List<String> checks = new ArrayList<>();

		String type = "";

		DomainParts(@Nullable String defaultValue) {
			this.defaultValue = defaultValue;
		}

		String definition() {
			StringBuilder definition = new StringBuilder(this.type);
			if (this.defaultValue != null) {
				definition.append(" DEFAULT ").append(this.defaultValue);
			}
			for (String check : this.checks) {
				definition.append(" CHECK (").append(check).append(')');
			}
			return definition.toString();
		}

	}

}
