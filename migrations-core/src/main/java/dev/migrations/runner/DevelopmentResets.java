package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.MigrationException;
import dev.migrations.MigrationResult;
import dev.migrations.PlannedMigration;
import dev.migrations.internal.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resets of a development database, as {@code migrate:reset}, {@code migrate:refresh}
 * and {@code migrate:fresh} run them: {@link #reset()} rolls back every batch,
 * {@link #refresh()} resets and applies again, {@link #fresh()} drops everything in the
 * ledger's schema and applies from zero. Each destroys data, so each refuses to run until
 * the caller says so with {@link #forced()}; {@link #resetPlan()} and
 * {@link #freshPlan()} show first what they would roll back or drop. Obtained from
 * {@link MigrationRunner#resets()}. Thread-safe.
 */
public final class DevelopmentResets {

	private static final Logger logger = LoggerFactory.getLogger(DevelopmentResets.class);

	private final MigrationRunner runner;

	private final RunnerSettings settings;

	private final SchemaReplay replay;

	private final LockedConnection locked;

	private final boolean forced;

	DevelopmentResets(MigrationRunner runner, RunnerSettings settings, SchemaReplay replay, LockedConnection locked,
			boolean forced) {
		this.runner = runner;
		this.settings = settings;
		this.replay = replay;
		this.locked = locked;
		this.forced = forced;
	}

	/**
	 * Return resets that run: the caller's confirmation that the data the database holds
	 * may be destroyed, as {@code --force} gives it on the command line.
	 * @return the resets
	 */
	public DevelopmentResets forced() {
		return new DevelopmentResets(this.runner, this.settings, this.replay, this.locked, true);
	}

	/**
	 * Return whether these resets run, rather than refuse.
	 * @return whether they were {@link #forced()}
	 */
	public boolean isForced() {
		return this.forced;
	}

	/**
	 * Return what {@link #reset()} would roll back, newest first, with the SQL of each.
	 * Takes no lock and changes nothing.
	 * @return the plans, in the order they would run; empty when nothing is applied
	 * @throws dev.migrations.MigrationValidationException if a migration is
	 * {@code FAILED} or {@code RUNNING}
	 * @throws dev.migrations.IrreversibleMigrationException if an applied migration
	 * cannot be rolled back
	 */
	public List<PlannedMigration> resetPlan() {
		return this.runner.pretend().rollback(Integer.MAX_VALUE);
	}

	/**
	 * Return the statements {@link #fresh()} would run to empty the ledger's schema: a
	 * drop for each table, view, materialized view, foreign table, sequence, type,
	 * routine and event the catalog lists there (see
	 * {@link MigrationRunner#describeSchema()}), and last for the ledger. What belongs to
	 * a PostgreSQL extension is not dropped. Objects in other schemas are not touched:
	 * where a drop would cascade to one (PostgreSQL: a view over a table of this schema,
	 * a foreign key that references one, a column of one of its types), this refuses
	 * instead. Takes no lock and changes nothing.
	 * @return the statements, in order; empty when the schema holds nothing
	 * @throws MigrationException if another schema holds something a drop would take with
	 * it
	 * @throws UnsupportedOperationException where the dialect cannot read a catalog
	 */
	public List<String> freshPlan() {
		return Jdbc.withConnection(this.settings.connections(), this::drops);
	}

	/**
	 * Roll back every batch, newest migration first, as
	 * {@link MigrationRunner#rollback(int)} does: nothing is rolled back when a migration
	 * cannot be. Rows of a baseline stay.
	 * @return what was rolled back
	 * @throws MigrationException if these resets were not {@link #forced()}; nothing is
	 * changed
	 * @throws dev.migrations.IrreversibleMigrationException if an applied migration
	 * cannot be rolled back; nothing is changed
	 */
	public MigrationResult reset() {
		requireForced("migrate:reset", "rolls back every applied migration");
		return this.runner.rollback(Integer.MAX_VALUE);
	}

	/**
	 * {@link #reset() Reset}, then apply every migration again.
	 * @return what was applied
	 * @throws MigrationException if these resets were not {@link #forced()}; nothing is
	 * changed
	 */
	public MigrationResult refresh() {
		requireForced("migrate:refresh", "rolls back every applied migration");
		reset();
		return this.runner.applyAll();
	}

	/**
	 * Drop every object of the ledger's schema, the ledger with them, under the migration
	 * lock (see {@link #freshPlan()}), then apply every migration from zero. Where DDL is
	 * transactional the drops commit together. Tables that reference each other in a
	 * cycle are dropped too: PostgreSQL and H2 drops cascade, and on MySQL, MariaDB and
	 * SQLite the connection's foreign key checks are off while it drops. The lease table
	 * of a lock that is held in the database stays.
	 * @return what was applied
	 * @throws MigrationException if these resets were not {@link #forced()}, or if
	 * another schema holds something a drop would take with it; nothing is changed
	 */
	public MigrationResult fresh() {
		requireForced("migrate:fresh", "drops every table, view, sequence, type and routine of the ledger's schema");
		this.locked.run((connection, lock) -> dropEverything(connection));
		return this.runner.applyAll();
	}

	private int dropEverything(Connection connection) throws SQLException {
		List<String> drops = drops(connection);
		this.settings.dialect().withoutForeignKeyChecks(connection, () -> {
			if (this.settings.dialect().transactionalDdl()) {
				Jdbc.inTransaction(connection, () -> execute(connection, drops));
			}
			else {
				execute(connection, drops);
			}
		});
		logger.info("Dropped {} object(s) of the schema of {}", drops.size(), this.settings.ledger().describe());
		return drops.size();
	}

	private static void execute(Connection connection, List<String> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private List<String> drops(Connection connection) throws SQLException {
		String schema = this.settings.table().schema();
		List<String> elsewhere = this.settings.dialect().dependentsInOtherSchemas(connection, schema);
		if (!elsewhere.isEmpty()) {
			throw new MigrationException(
					"migrate:fresh would also drop, through the drops of " + this.settings.ledger().describe()
							+ "'s schema, what other schemas hold that depends on it: " + String.join(", ", elsewhere)
							+ "; nothing was changed: drop or change these first, " + "then run migrate:fresh again");
		}
		List<String> drops = new ArrayList<>(
				this.settings.dialect().dropStatements(this.replay.live(connection), schema));
		if (this.settings.ledger().exists(connection)) {
			drops.add("DROP TABLE IF EXISTS " + this.settings.dialect().qualify(this.settings.table()));
		}
		return drops;
	}

	private void requireForced(String command, String what) {
		if (!this.forced) {
			throw new MigrationException(command + " " + what + " in " + this.settings.ledger().describe()
					+ " and refuses to run unless forced, so nothing was changed: call forced() first, "
					+ "or add --force on the command line");
		}
	}

}
