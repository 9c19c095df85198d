package dev.migrations.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migrations.DestructiveChange;
import dev.migrations.DestructiveMigrationException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.ColumnTypes;
import dev.migrations.dialect.Dialect;
import dev.migrations.internal.Jdbc;
import dev.migrations.runner.DestructiveStatements.Candidate;
import dev.migrations.runner.DestructiveStatements.Change;
import dev.migrations.runner.DestructiveStatements.Identifier;
import dev.migrations.runner.DestructiveStatements.Name;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;
import dev.migrations.schema.TableOperation;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a run whose pending migrations would destroy data the database holds: drop a
 * table that holds rows, drop a column of such a table, or narrow the type of one of its
 * columns ({@link ColumnTypes#narrows}), unless the migration is marked
 * {@link MigrationDescriptor#destructive() destructive} or the run allows destructive
 * changes. A SQL statement is judged by what it says, the schema builder's drops by the
 * operations it records, and its column changes by the statements this database runs for
 * them; JDBC work cannot be judged. Only the tables that a change names are counted, and
 * the catalog is read only when a type changes on a table that holds rows; a database
 * whose catalog cannot be read is not checked for narrowing. Stateless and thread-safe.
 */
final class DestructiveGuard {

	private final Dialect dialect;

	private final boolean allowed;

	DestructiveGuard(Dialect dialect, boolean allowed) {
		this.dialect = dialect;
		this.allowed = allowed;
	}

	/**
	 * Refuse the migrations of a run, before any of them executes, when they would
	 * destroy data without leave.
	 * @param connection the connection of the run, holding the lock, in auto-commit mode
	 * @param migrations the migrations of the run, in order, their plans rendered for
	 * this database already
	 * @throws DestructiveMigrationException if they would
	 * @throws SQLException on a database error
	 */
	void check(Connection connection, Collection<MigrationDescriptor> migrations) throws SQLException {
		Map<MigrationDescriptor, List<DestructiveChange>> refused = judge(connection, migrations);
		if (!refused.isEmpty()) {
			boolean sql = refused.keySet().stream().anyMatch(MigrationDescriptor::isSql);
			boolean java = refused.keySet().stream().anyMatch((migration) -> !migration.isSql());
			throw new DestructiveMigrationException(refused.values().stream().flatMap(List::stream).toList(),
					(sql && java) ? "both" : (sql ? "sql" : "java"));
		}
	}

	/**
	 * Return the changes that would be refused, by migration: none when the run allows
	 * destructive changes, none of a migration marked destructive.
	 * @param connection the connection
	 * @param migrations the migrations of a run, in order, their plans rendered for this
	 * database already
	 * @return the refused changes of each migration that has some, in order
	 * @throws SQLException on a database error
	 */
	Map<MigrationDescriptor, List<DestructiveChange>> judge(Connection connection,
			Collection<MigrationDescriptor> migrations) throws SQLException {
		Map<MigrationDescriptor, List<DestructiveChange>> refused = new LinkedHashMap<>();
		if (this.allowed) {
			return refused;
		}
		Database database = new Database(connection);
		for (MigrationDescriptor migration : migrations) {
			if (migration.destructive()) {
				continue;
			}
			List<DestructiveChange> changes = new ArrayList<>();
			for (SchemaOperation operation : migration.up()) {
				for (Candidate candidate : candidates(operation)) {
					DestructiveChange change = database.judge(migration, candidate);
					if (change != null) {
						changes.add(change);
					}
				}
			}
			if (!changes.isEmpty()) {
				refused.put(migration, changes);
			}
		}
		return refused;
	}

	/**
	 * Return the changes of a recorded operation that may destroy data: a statement's as
	 * {@link DestructiveStatements} reads them, the schema builder's with the names its
	 * user wrote, a type change read from the statements this database runs for it.
	 */
	private List<Candidate> candidates(SchemaOperation operation) {
		if (operation instanceof SqlOperation statement) {
			return DestructiveStatements.of(statement.canonical());
		}
		if (operation instanceof TableOperation.DropTable drop) {
			return List.of(new Candidate(Change.DROP_TABLE, builderName(drop.table()), null, null));
		}
		if (operation instanceof TableOperation.DropColumn drop) {
			return List.of(new Candidate(Change.DROP_COLUMN, builderName(drop.table()),
					new Identifier(drop.column(), false), null));
		}
		if (operation instanceof TableOperation.ChangeColumn change) {
			List<Candidate> candidates = new ArrayList<>();
			for (SchemaOperation rendered : this.dialect.render(change)) {
				if (rendered instanceof SqlOperation statement) {
					DestructiveStatements.of(statement.sql())
						.stream()
						.filter((candidate) -> candidate.type() != null)
						.forEach((candidate) -> candidates
							.add(new Candidate(Change.CHANGE_TYPE, builderName(change.table()),
									new Identifier(change.column().name(), false), candidate.type())));
				}
			}
			return candidates;
		}
		return List.of();
	}

	private Name builderName(String table) {
		return new Name(List.of(new Identifier(table, false)), this.dialect.quote(table), 1);
	}

	/**
	 * What the database holds now, read as a judgement needs it, each table counted and
	 * each schema's catalog read once.
	 */
	private final class Database {

		private final Connection connection;

		private final Map<String, Long> rows = new HashMap<>();

		private final Map<String, Optional<Catalog>> catalogs = new HashMap<>();

		Database(Connection connection) {
			this.connection = connection;
		}

		@Nullable DestructiveChange judge(MigrationDescriptor migration, Candidate candidate) throws SQLException {
			long rows = rows(candidate.table().written());
			if (rows <= 0) {
				return null;
			}
			String table = candidate.table().toString();
			Identifier column = candidate.column();
			return switch (candidate.change()) {
				case DROP_TABLE -> new DestructiveChange(migration.id(), DestructiveChange.Kind.DROP_TABLE, table, null,
						rows, null, null);
				case DROP_COLUMN -> new DestructiveChange(migration.id(), DestructiveChange.Kind.DROP_COLUMN, table,
						(column != null) ? column.text() : null, rows, null, null);
				case CHANGE_TYPE -> narrowing(migration, candidate, rows);
			};
		}

		private @Nullable DestructiveChange narrowing(MigrationDescriptor migration, Candidate candidate, long rows)
				throws SQLException {
			Identifier column = candidate.column();
			String type = candidate.type();
			if (column == null || type == null) {
				return null;
			}
			String current = currentType(candidate.table(), column);
			if (current == null || !ColumnTypes.narrows(current, type)) {
				return null;
			}
			return new DestructiveChange(migration.id(), DestructiveChange.Kind.NARROW_COLUMN,
					candidate.table().toString(), column.text(), rows, current, type);
		}

		/**
		 * Return how many rows a table holds, or {@code -1} when it does not exist (a
		 * migration of the run creates it, or none does).
		 */
		private long rows(String table) throws SQLException {
			Long counted = this.rows.get(table);
			if (counted == null) {
				counted = count(table);
				this.rows.put(table, counted);
			}
			return counted;
		}

		private long count(String table) throws SQLException {
			if (!Jdbc.canQuery(this.connection, "SELECT 1 FROM " + table + " WHERE 1 = 0")) {
				return -1;
			}
			try (Statement statement = this.connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
				result.next();
				return result.getLong(1);
			}
		}

		private @Nullable String currentType(Name table, Identifier column) throws SQLException {
			Identifier qualifier = table.qualifier();
			String schema = (qualifier != null) ? stored(qualifier) : null;
			Optional<Catalog> catalog = this.catalogs.get(String.valueOf(schema));
			if (catalog == null) {
				catalog = read(schema);
				this.catalogs.put(String.valueOf(schema), catalog);
			}
			return catalog.flatMap((read) -> read.table(stored(table.last())))
				.flatMap((read) -> read.column(stored(column)))
				.map(dev.migrations.catalog.Column::type)
				.orElse(null);
		}

		private Optional<Catalog> read(@Nullable String schema) throws SQLException {
			try {
				return Optional.of(DestructiveGuard.this.dialect.readCatalog(this.connection, schema, Set.of()));
			}
			catch (UnsupportedOperationException ex) {
				return Optional.empty();
			}
		}

		private String stored(Identifier identifier) {
			return identifier.quoted() ? identifier.text() : DestructiveGuard.this.dialect.fold(identifier.text());
		}

	}

}
