package dev.migrations.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
import dev.migrations.runner.DestructiveStatements.Identifier;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a run whose pending migrations would destroy data the database holds: drop a
 * table that holds rows, drop a column of such a table, or narrow the type of one of its
 * columns ({@link ColumnTypes#narrows}), unless the migration is marked
 * {@link MigrationDescriptor#destructive() destructive} or the run allows destructive
 * changes. Plans are judged by the statements they render to, so a SQL file and the
 * schema builder are judged alike; JDBC work cannot be judged. Only the tables that a
 * change names are counted, and the catalog is read only when a type changes on a table
 * that holds rows; a database whose catalog cannot be read is not checked for narrowing.
 * Stateless and thread-safe.
 */
final class DestructiveGuard {

	private final Dialect dialect;

	private final boolean allowed;

	DestructiveGuard(Dialect dialect, boolean allowed) {
		this.dialect = dialect;
		this.allowed = allowed;
	}

	/**
	 * Refuse the plans of a run, before any of them executes, when they would destroy
	 * data without leave.
	 * @param connection the connection of the run, holding the lock, in auto-commit mode
	 * @param plans the rendered plans of the run, in order
	 * @throws DestructiveMigrationException if they would
	 * @throws SQLException on a database error
	 */
	void check(Connection connection, Map<MigrationDescriptor, List<SchemaOperation>> plans) throws SQLException {
		Map<MigrationDescriptor, List<DestructiveChange>> refused = judge(connection, plans);
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
	 * @param plans the rendered plans of a run, in order
	 * @return the refused changes of each migration that has some, in order
	 * @throws SQLException on a database error
	 */
	Map<MigrationDescriptor, List<DestructiveChange>> judge(Connection connection,
			Map<MigrationDescriptor, List<SchemaOperation>> plans) throws SQLException {
		Map<MigrationDescriptor, List<DestructiveChange>> refused = new LinkedHashMap<>();
		if (this.allowed) {
			return refused;
		}
		Database database = new Database(connection);
		for (Map.Entry<MigrationDescriptor, List<SchemaOperation>> plan : plans.entrySet()) {
			if (plan.getKey().destructive()) {
				continue;
			}
			List<DestructiveChange> changes = new ArrayList<>();
			for (SchemaOperation operation : plan.getValue()) {
				if (operation instanceof SqlOperation statement) {
					for (Candidate candidate : DestructiveStatements.of(statement.canonical())) {
						DestructiveChange change = database.judge(plan.getKey(), candidate);
						if (change != null) {
							changes.add(change);
						}
					}
				}
			}
			if (!changes.isEmpty()) {
				refused.put(plan.getKey(), changes);
			}
		}
		return refused;
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

		private @Nullable String currentType(DestructiveStatements.Name table, Identifier column) throws SQLException {
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
