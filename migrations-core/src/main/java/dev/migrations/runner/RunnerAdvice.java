package dev.migrations.runner;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.Remedy;
import dev.migrations.dialect.Dialect;
import dev.migrations.internal.Jdbc;

/**
 * What a {@link MigrationRunner} adds to a failure that stopped a run: the hint to
 * baseline a database whose schema came from elsewhere, what is left of a rollback that
 * failed part-way, and the ledger schema that does not exist.
 */
final class RunnerAdvice {

	/**
	 * PostgreSQL duplicate_table, duplicate_object, duplicate_schema, duplicate_column,
	 * duplicate_function; MySQL, MariaDB and H2 table or column exists.
	 */
	private static final List<String> EXISTS_STATES = List.of("42P07", "42710", "42P06", "42701", "42723", "42S01",
			"42S21");

	private final DataSource connections;

	private final Dialect dialect;

	private final LedgerTable table;

	private final MigrationExecutor executor;

	RunnerAdvice(DataSource connections, Dialect dialect, LedgerTable table, MigrationExecutor executor) {
		this.connections = connections;
		this.dialect = dialect;
		this.table = table;
		this.executor = executor;
	}

	/**
	 * The failure of an apply, with the hint to baseline when it is the first migration
	 * applied to a database with an empty ledger and what it creates exists already,
	 * without the advice to repair a database that lives in memory, and naming the
	 * migrations the run committed before it, which a caller that sees only the failure
	 * (a request to the endpoint, say) would not know of.
	 */
	MigrationException adviseApply(MigrationException ex, LedgerView view, RunPlan plan, int applied) {
		return withAppliedBefore(adviseInMemory(adviseBaseline(ex, view, plan, applied), plan), plan, applied);
	}

	private static MigrationException withAppliedBefore(MigrationException ex, RunPlan plan, int applied) {
		if (applied == 0 || plan.inOneTransaction() || !(ex instanceof MigrationExecutionException failure)) {
			return ex;
		}
		StringJoiner ids = new StringJoiner(", ");
		plan.migrations().keySet().stream().limit(applied).forEach((migration) -> ids.add(migration.id().toString()));
		return failure.withRemedy(failure.remedy().with(Remedy.Fact.APPLIED_BEFORE, ids.toString()));
	}

	private MigrationException adviseBaseline(MigrationException ex, LedgerView view, RunPlan plan, int applied) {
		if (view.isEmpty() && applied == 0 && ex instanceof MigrationExecutionException failure
				&& createsWhatExists(failure)) {
			MigrationDescriptor first = plan.migrations().keySet().iterator().next();
			return withBaselineHint(failure, !plan.inOneTransaction() && !this.executor.isAtomic(first));
		}
		return ex;
	}

	/**
	 * A failure that leaves a {@code FAILED} row on a database that lives in memory: the
	 * advice to fix the database by hand and repair would send the reader to a database
	 * that is gone once the process ends. The URL is read only when a run failed.
	 */
	private MigrationException adviseInMemory(MigrationException ex, RunPlan plan) {
		if (!(ex instanceof MigrationExecutionException failure)
				|| failure.remedy().kind() != Remedy.Kind.REPAIR_THEN_RETRY) {
			return ex;
		}
		try {
			String url = Jdbc.withConnection(this.connections, (connection) -> connection.getMetaData().getURL());
			if (url == null || !isInMemory(url)) {
				return ex;
			}
		}
		catch (MigrationException secondary) {
			ex.addSuppressed(secondary);
			return ex;
		}
		Remedy restart = Remedy.of(Remedy.Kind.FIX_AND_RESTART, failure.getMigrationId());
		for (MigrationDescriptor migration : plan.migrations().keySet()) {
			if (migration.id().equals(failure.getMigrationId())) {
				restart = restart.with(Remedy.Fact.SOURCE, migration.source());
			}
		}
		return failure.withRemedy(restart);
	}

	/**
	 * Whether a JDBC URL names a database that lives in the process's memory: H2's
	 * {@code jdbc:h2:mem:} (not {@code jdbc:h2:tcp://host/mem:}, which outlives the
	 * application on its server), HSQLDB's {@code mem:}, Derby's {@code memory:} and
	 * SQLite's {@code :memory:}.
	 * @param url the URL
	 * @return whether it lives in memory
	 */
	static boolean isInMemory(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:hsqldb:mem:")
				|| lower.startsWith("jdbc:derby:memory:") || lower.startsWith("jdbc:sqlite::memory:")
				|| (lower.startsWith("jdbc:sqlite:") && lower.contains("mode=memory"));
	}

	/**
	 * The failure of a rollback, with what is left of it to roll back once the failure is
	 * resolved.
	 */
	MigrationException adviseRemainder(MigrationException ex, LedgerView view, RollbackSelection selection,
			List<MigrationDescriptor> selected, int rolledBack) {
		if (ex instanceof MigrationExecutionException failure && rolledBack < selected.size()) {
			boolean failedStaysApplied = this.executor.isAtomic(selected.get(rolledBack));
			return failure.withRemedy(RollbackRemainder.describe(failure.remedy(), view, selection::select, selected,
					rolledBack, failedStaysApplied));
		}
		return ex;
	}

	/**
	 * Whether a migration failed because what it creates exists already, as on a database
	 * whose schema came from somewhere else (by hand, Flyway, Liquibase). Where the
	 * database gives no such SQLState (SQLite), its own error says so.
	 * @param failure the failure
	 * @return whether the database had what the migration creates
	 */
	private static boolean createsWhatExists(MigrationExecutionException failure) {
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sqlException) {
				String state = sqlException.getSQLState();
				if (state != null && EXISTS_STATES.contains(state)) {
					return true;
				}
				String message = String.valueOf(sqlException.getMessage()).toLowerCase(Locale.ROOT);
				if (message.contains("already exists") || message.contains("duplicate column")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The failure of the first migration applied to a database with an empty ledger, when
	 * what it creates exists already: the likely cause is an existing database that was
	 * not baselined, which changing the migration would not fix.
	 * @param failure the failure
	 * @param failedRow whether the failure left a {@code FAILED} row
	 * @return the failure with a remedy that baselines, and its own remedy as the
	 * alternative
	 */
	private static MigrationExecutionException withBaselineHint(MigrationExecutionException failure,
			boolean failedRow) {
		Remedy baseline = Remedy.of(Remedy.Kind.BASELINE, failure.getMigrationId()).orElse(failure.remedy());
		return failure.withRemedy(failedRow ? baseline.with(Remedy.Fact.FAILED_ROW) : baseline);
	}

	/**
	 * A ledger schema that does not exist fails the lock table or the ledger table,
	 * whichever is created first, in words that depend on the database and may blame the
	 * lock; look the schema up only then, so that a run that succeeds pays nothing.
	 * @param failure the failure of a locked run
	 * @return the failure, or one that says the schema does not exist
	 */
	MigrationException explainMissingSchema(MigrationException failure) {
		String schema = this.table.schema();
		if (schema == null) {
			return explainMissingCurrentSchema(failure);
		}
		try {
			if (Jdbc.withConnection(this.connections, (connection) -> this.dialect.schemaExists(connection, schema))) {
				return failure;
			}
		}
		catch (MigrationException ex) {
			failure.addSuppressed(ex);
			return failure;
		}
		return new MigrationException(
				"The migration ledger " + this.table + " belongs in schema " + schema
						+ ", which does not exist. Nothing was changed.",
				Remedy.of(Remedy.Kind.CREATE_SCHEMA).with(Remedy.Fact.SCHEMA, schema), failure);
	}

	/**
	 * A ledger without a schema of its own is created in the connection's current schema;
	 * on PostgreSQL, a search path that names only schemas that do not exist leaves none,
	 * and the database says only "no schema has been selected to create in".
	 */
	private MigrationException explainMissingCurrentSchema(MigrationException failure) {
		String searchPath;
		try {
			searchPath = Jdbc
				.withConnection(this.connections,
						(connection) -> Optional.ofNullable(this.dialect.unusableSearchPath(connection)))
				.orElse(null);
		}
		catch (MigrationException ex) {
			failure.addSuppressed(ex);
			return failure;
		}
		if (searchPath == null) {
			return failure;
		}
		return new MigrationException("The migration ledger " + this.table
				+ " has no schema to be created in: none of the schemas of the connection's search_path (" + searchPath
				+ ") exists, as when the URL's currentSchema names one not created yet. Nothing was changed.",
				Remedy.of(Remedy.Kind.CORRECT_DATABASE_ERROR)
					.with(Remedy.Fact.REQUIREMENTS,
							": create that schema first (CREATE SCHEMA), or connect with a search_path that names "
									+ "one that exists, or give the ledger a schema of its own that exists (or that "
									+ "the run creates)"),
				failure);
	}

}
