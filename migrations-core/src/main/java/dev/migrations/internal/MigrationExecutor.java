package dev.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.Direction;
import dev.migrations.ExecutedMigration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationListener;
import dev.migrations.Remedy;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.SessionState;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.lock.MigrationLockLostException;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.JdbcOperation;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;
import org.jspecify.annotations.Nullable;

/**
 * Runs one migration's plan on a connection and records it in the ledger, in one
 * transaction where the database has transactional DDL, and otherwise as a
 * {@code RUNNING} row that becomes {@code APPLIED} or {@code FAILED}.
 */
public final class MigrationExecutor {

	private static final int EXCERPT_LENGTH = 300;

	/**
	 * A statement that can change the session: {@code SET}, {@code RESET}, {@code USE},
	 * {@code DISCARD} at the start of a line (also in MySQL's {@code /*!40101 SET ...}),
	 * or a call of PostgreSQL's {@code set_config}. A false match costs one restore.
	 */
	private static final Pattern SESSION_STATEMENT = Pattern
		.compile("(?im)^\\s*(?:/\\*!\\d*\\s*)?(?:SET|RESET|USE|DISCARD)\\b|set_config");

	/**
	 * The SQLState of a statement that refuses to run in a transaction block, such as
	 * PostgreSQL's {@code CREATE INDEX CONCURRENTLY}.
	 */
	private static final String NO_TRANSACTION_ALLOWED = "25001";

	/**
	 * Where PostgreSQL says which row of a {@code COPY} it refused: its context line
	 * {@code COPY t, line 2, column a: "x"}, counting rows from 1.
	 */
	private static final Pattern COPY_ROW = Pattern.compile("\\bCOPY [^\\n]*?, line (\\d+)");

	private final Dialect dialect;

	private final MigrationLedger ledger;

	private final MigrationListener listener;

	private final List<String> secrets;

	private final DatabaseWarnings warnings;

	/**
	 * Create an executor.
	 * @param dialect the dialect
	 * @param ledger the ledger
	 * @param listener the listener
	 * @param secrets values, such as the password, that no failure it throws or records
	 * may carry
	 */
	public MigrationExecutor(Dialect dialect, MigrationLedger ledger, MigrationListener listener,
			List<String> secrets) {
		this.dialect = dialect;
		this.ledger = ledger;
		this.listener = listener;
		this.secrets = List.copyOf(secrets);
		this.warnings = new DatabaseWarnings(dialect);
	}

	/**
	 * Render a plan for this database. Called for every migration of a run before any of
	 * them executes, so an operation the database cannot do fails before anything
	 * changes.
	 * @param migration the migration
	 * @param direction which plan to render
	 * @return the primitive operations to execute
	 */
	public List<SchemaOperation> render(MigrationDescriptor migration, Direction direction) {
		List<SchemaOperation> plan = (direction == Direction.UP) ? migration.up() : migration.down();
		List<SchemaOperation> rendered = new ArrayList<>(plan.size());
		for (SchemaOperation operation : plan) {
			try {
				rendered.addAll(this.dialect.render(operation));
			}
			catch (UnsupportedOperationException ex) {
				throw new MigrationDefinitionException(
						"Migration " + migration.id() + " (" + migration.source(direction) + ") cannot run on "
								+ this.dialect.name() + ": " + ex.getMessage() + ". Nothing was changed.",
						ex);
			}
		}
		return rendered;
	}

	/**
	 * Return the SQL a plan would execute, JDBC steps shown as comments, and a
	 * {@code COPY ... FROM stdin} with its semicolon, its rows and the line {@code \.}.
	 * @param rendered the rendered plan
	 * @return the statements
	 */
	public static List<String> sql(List<SchemaOperation> rendered) {
		List<String> statements = new ArrayList<>(rendered.size());
		for (SchemaOperation operation : rendered) {
			statements.add(text(operation, SqlOperation::sql));
		}
		return statements;
	}

	/**
	 * Return a plan as a script for the database's own command-line client, JDBC steps
	 * shown as comment lines. Where the plan may change the session, the script puts the
	 * session back after it, as a run does, so that the migrations after it start as they
	 * would alone.
	 * @param rendered the rendered plan
	 * @param session the session of the connection the plan was made on
	 * @return the script, one statement after another, without a final line break
	 * @see Dialect#scriptStatement(String)
	 * @see SessionState#around(List)
	 */
	public String script(List<SchemaOperation> rendered, SessionState session) {
		SessionState.Around around = mayChangeSession(rendered) ? session.around(sql(rendered))
				: SessionState.Around.NONE;
		List<String> lines = new ArrayList<>();
		if (!around.before().isEmpty()) {
			lines.add("-- keep the session, to put it back after this migration as a run does");
			around.before().forEach((sql) -> lines.add(this.dialect.scriptStatement(sql)));
		}
		for (SchemaOperation operation : rendered) {
			lines.add(text(operation, (sql) -> this.dialect.scriptStatement(sql.sql())));
		}
		if (!around.after().isEmpty()) {
			lines.add("-- put the session back as a run does after each migration");
			around.after().forEach((sql) -> lines.add(this.dialect.scriptStatement(sql)));
		}
		return String.join("\n", lines);
	}

	/**
	 * Return how a plan shows an operation: a statement as {@code statement} writes it, a
	 * {@code COPY} with its semicolon, its rows and the line that ends them, JDBC work as
	 * a comment line.
	 */
	private static String text(SchemaOperation operation, Function<SqlOperation, String> statement) {
		if (operation instanceof SqlOperation sql) {
			return statement.apply(sql);
		}
		if (operation instanceof CopyOperation copy) {
			return copy.script();
		}
		return comment(operation);
	}

	private static String comment(SchemaOperation operation) {
		return "-- " + operation.describe() + " (Java code, runs in order with the statements)";
	}

	/**
	 * Apply a migration. The lock is proven before the migration and before each ledger
	 * write, inside the write's transaction where it has one; a lost lock stops the
	 * migration with nothing more written.
	 * @param run the run
	 * @param migration the migration
	 * @param plan its rendered up plan
	 * @param outOfOrder whether it is applied after a newer migration
	 * @return what ran
	 * @throws dev.migrations.lock.MigrationLockLostException if the lock is lost
	 */
	public ExecutedMigration apply(Run run, MigrationDescriptor migration, List<SchemaOperation> plan,
			boolean outOfOrder) {
		this.listener.beforeMigration(migration, Direction.UP);
		long start = System.nanoTime();
		Connection connection = run.connection();
		String id = migration.id().toString();
		if (run.inOneTransaction()) {
			run.verifyBeforeMigration();
			executeIsolated(run, migration, Direction.UP, plan, Atomicity.RUN);
			run.record(this.ledger, row(run, migration, LedgerState.APPLIED, elapsedMs(start)));
		}
		else if (isAtomic(migration)) {
			committing(migration, Direction.UP, () -> Jdbc.inTransaction(connection, () -> {
				run.verifyBeforeMigration();
				executeIsolated(run, migration, Direction.UP, plan, Atomicity.MIGRATION);
				run.record(this.ledger, row(run, migration, LedgerState.APPLIED, elapsedMs(start)));
			}));
		}
		else {
			run.record(this.ledger, row(run, migration, LedgerState.RUNNING, 0));
			executeMarkingFailure(run, migration, Direction.UP, plan, () -> {
				run.verify();
				this.ledger.markApplied(connection, id, elapsedMs(start));
			});
		}
		return finished(migration, Direction.UP, start, outOfOrder);
	}

	/**
	 * Roll back a migration and remove its ledger row, proving the lock as {@link #apply}
	 * does.
	 * @param run the run
	 * @param migration the migration
	 * @param plan its rendered down plan
	 * @return what ran
	 * @throws dev.migrations.lock.MigrationLockLostException if the lock is lost
	 */
	public ExecutedMigration rollback(Run run, MigrationDescriptor migration, List<SchemaOperation> plan) {
		this.listener.beforeMigration(migration, Direction.DOWN);
		long start = System.nanoTime();
		Connection connection = run.connection();
		String id = migration.id().toString();
		if (isAtomic(migration)) {
			committing(migration, Direction.DOWN, () -> Jdbc.inTransaction(connection, () -> {
				run.verifyBeforeMigration();
				executeIsolated(run, migration, Direction.DOWN, plan, Atomicity.MIGRATION);
				run.verify();
				this.ledger.remove(connection, id);
			}));
		}
		else {
			run.verify();
			this.ledger.markRunning(connection, id, run.owner());
			executeMarkingFailure(run, migration, Direction.DOWN, plan, () -> {
				run.verify();
				this.ledger.remove(connection, id);
			});
		}
		return finished(migration, Direction.DOWN, start, false);
	}

	/**
	 * Whether a migration and its ledger row commit together.
	 * @param migration the migration
	 * @return whether it runs atomically
	 */
	public boolean isAtomic(MigrationDescriptor migration) {
		return this.dialect.transactionalDdl() && migration.transactional();
	}

	private ExecutedMigration finished(MigrationDescriptor migration, Direction direction, long start,
			boolean outOfOrder) {
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		this.listener.afterMigration(migration, direction, duration);
		return new ExecutedMigration(migration.id(), migration.source(direction), direction, duration.toMillis(),
				outOfOrder);
	}

	/**
	 * Execute a plan whose ledger row says {@code RUNNING}, then record the outcome with
	 * {@code done}: in the migration's transaction when it has one, so that its last
	 * statements and the ledger commit together, and one commit fewer per migration. A
	 * failure is recorded as {@code FAILED}, from the lock's connection when the
	 * migration's connection is broken; a lost lock is not, since this run may write
	 * nothing more.
	 */
	private void executeMarkingFailure(Run run, MigrationDescriptor migration, Direction direction,
			List<SchemaOperation> plan, Jdbc.TransactionWork done) {
		Connection connection = run.connection();
		try {
			if (migration.transactional()) {
				committing(migration, direction, () -> Jdbc.inTransaction(connection, () -> {
					executeIsolated(run, migration, direction, plan, Atomicity.NONE);
					done.run();
				}));
			}
			else {
				executeIsolated(run, migration, direction, plan, Atomicity.NONE);
				committing(migration, direction, () -> Jdbc.inTransaction(connection, done));
			}
		}
		catch (MigrationLockLostException ex) {
			throw ex;
		}
		catch (MigrationException ex) {
			recordFailure(run, migration, plan, ex);
			throw ex;
		}
	}

	private void recordFailure(Run run, MigrationDescriptor migration, List<SchemaOperation> plan,
			MigrationException failure) {
		String id = migration.id().toString();
		try {
			if (isUsable(run.connection())) {
				if (!migration.transactional()) {
					endOpenTransaction(run.connection());
				}
				try {
					// So that the row and the connection's next user find the session
					// as the run did
					restoreSession(run, plan);
				}
				catch (SQLException ex) {
					failure.addSuppressed(ex);
				}
				run.verify();
				this.ledger.markFailed(run.connection(), id, failure.description());
			}
			else {
				run.lock().onLockConnection((lockConnection) -> {
					run.lock().verify(lockConnection);
					this.ledger.markFailed(lockConnection, id, failure.description());
				});
			}
		}
		catch (SQLException | RuntimeException markFailure) {
			failure.addSuppressed(markFailure);
		}
	}

	/**
	 * End a transaction that a migration run outside one opened itself and left open when
	 * it failed, as the database does when a client's session ends: until then PostgreSQL
	 * refuses every statement of the session, the failure's ledger row too.
	 */
	private static void endOpenTransaction(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ROLLBACK");
		}
		catch (SQLException ex) {
			// No transaction was open
		}
	}

	private static boolean isUsable(Connection connection) {
		try {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Begin, commit or end a transaction, and say which migration it belonged to when
	 * that fails: a connection that breaks between statements fails here, not in a
	 * statement.
	 */
	private void committing(MigrationDescriptor migration, Direction direction, Jdbc.TransactionWork work) {
		try {
			work.run();
		}
		catch (SQLException ex) {
			String message = "Migration " + migration.id() + " failed "
					+ ((direction == Direction.UP) ? "while applying" : "while rolling back") + " ("
					+ migration.source(direction) + ") when its transaction began or committed:\nDatabase error: "
					+ ex.getMessage() + ((ex.getSQLState() != null) ? " (SQLState " + ex.getSQLState() + ")" : "");
			Remedy remedy = remedy(migration, direction, isAtomic(migration) ? Atomicity.MIGRATION : Atomicity.NONE,
					null);
			MigrationExecutionException failure = new MigrationExecutionException(masked(message), remedy,
					migration.id(), 0, Credentials.maskFailure(ex, this.secrets));
			this.listener.onFailure(migration, direction, failure);
			throw failure;
		}
	}

	/**
	 * Execute a plan, then put the session back as the run found it if the plan may have
	 * changed it, before anything else (a ledger write, the next migration) runs on the
	 * connection.
	 */
	private void executeIsolated(Run run, MigrationDescriptor migration, Direction direction,
			List<SchemaOperation> plan, Atomicity atomicity) {
		execute(run.connection(), migration, direction, plan, atomicity);
		try {
			restoreSession(run, plan);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not put the session back as the run found it after "
					+ migration.source(direction) + ": " + ex.getMessage(), ex);
		}
	}

	private static void restoreSession(Run run, List<SchemaOperation> plan) throws SQLException {
		if (mayChangeSession(plan)) {
			run.restoreSession();
		}
	}

	/**
	 * Capture the session of a run's connection, if one of the run's plans may change it;
	 * otherwise there is nothing to put back and nothing is read.
	 * @param connection the connection that applies migrations
	 * @param plans the rendered plans of the run
	 * @return the session as the run finds it
	 * @throws SQLException on a database error
	 */
	public SessionState sessionState(Connection connection, Collection<List<SchemaOperation>> plans)
			throws SQLException {
		for (List<SchemaOperation> plan : plans) {
			if (mayChangeSession(plan)) {
				return this.dialect.sessionState(connection);
			}
		}
		return SessionState.UNCHANGED;
	}

	private static boolean mayChangeSession(List<SchemaOperation> plan) {
		for (SchemaOperation operation : plan) {
			if (operation instanceof JdbcOperation
					|| (operation instanceof SqlOperation sql && SESSION_STATEMENT.matcher(sql.sql()).find())) {
				return true;
			}
		}
		return false;
	}

	private void execute(Connection connection, MigrationDescriptor migration, Direction direction,
			List<SchemaOperation> plan, Atomicity atomicity) {
		if (plan.isEmpty()) {
			return;
		}
		Statement statement;
		try {
			statement = connection.createStatement();
		}
		catch (SQLException ex) {
			MigrationExecutionException failure = failure(migration, direction, plan, 0, ex, atomicity);
			this.listener.onFailure(migration, direction, failure);
			throw failure;
		}
		try (statement) {
			for (int i = 0; i < plan.size(); i++) {
				SchemaOperation operation = plan.get(i);
				try {
					if (operation instanceof SqlOperation sql) {
						statement.execute(sql.sql());
						this.warnings.log(statement, migration, direction, i + 1, plan.size(), sql.line());
					}
					else if (operation instanceof CopyOperation copy) {
						this.dialect.copyIn(connection, copy);
					}
					else if (operation instanceof JdbcOperation jdbc) {
						jdbc.work().execute(connection);
					}
				}
				catch (SQLException | RuntimeException ex) {
					MigrationExecutionException failure = failure(migration, direction, plan, i, ex, atomicity);
					this.listener.onFailure(migration, direction, failure);
					throw failure;
				}
			}
		}
		catch (SQLException ex) {
			// Closing the statement failed after every statement ran; the connection's
			// next use tells whether it is broken
		}
	}

	private MigrationExecutionException failure(MigrationDescriptor migration, Direction direction,
			List<SchemaOperation> plan, int index, Exception cause, Atomicity atomicity) {
		SchemaOperation operation = plan.get(index);
		StringBuilder message = new StringBuilder();
		message.append("Migration ")
			.append(migration.id())
			.append(" failed ")
			.append((direction == Direction.UP) ? "while applying" : "while rolling back")
			.append(" at statement ")
			.append(index + 1)
			.append(" of ")
			.append(plan.size());
		if (operation instanceof SqlOperation sql && sql.line() > 0) {
			message.append(" (line ").append(sql.line()).append(')');
		}
		else if (operation instanceof CopyOperation copy) {
			message.append(" (line ").append(copy.line()).append(copyRowLine(copy, cause)).append(')');
		}
		message.append(" of ").append(migration.source(direction)).append(":\n    ");
		message.append(excerpt(operation));
		message.append("\nDatabase error: ").append(cause.getMessage());
		if (cause instanceof SQLException sqlException && sqlException.getSQLState() != null) {
			message.append(" (SQLState ").append(sqlException.getSQLState()).append(')');
		}
		String failedStatement = "statement " + (index + 1)
				+ ((operation instanceof SqlOperation sql && sql.line() > 0) ? " (line " + sql.line() + ")" : "");
		Remedy remedy = remedy(migration, direction, atomicity, failedStatement);
		if (cause instanceof SQLException sqlException && NO_TRANSACTION_ALLOWED.equals(sqlException.getSQLState())
				&& migration.transactional()) {
			remedy = remedy.with(Remedy.Fact.OUTSIDE_TRANSACTION,
					migration.source(direction).endsWith(".sql") ? "sql" : "java");
		}
		Exception masked = (cause instanceof SQLException sqlException)
				? Credentials.maskFailure(sqlException, this.secrets) : cause;
		return new MigrationExecutionException(masked(message.toString()), remedy, migration.id(), index + 1, masked);
	}

	/**
	 * Mask a failure's message, which is also the error of its {@code FAILED} row: the
	 * statement's excerpt or the database's error may quote a password.
	 */
	private String masked(String message) {
		return String.valueOf(Credentials.mask(message, this.secrets));
	}

	/**
	 * What to do after a failure, by its direction. A failure that left a {@code FAILED}
	 * row is resolved by bringing the database to where it has none of the migration's
	 * changes, because repair removes the row and the migration then counts as not
	 * applied: after a failed migration, by undoing what ran of it; after a failed
	 * rollback, by finishing the rollback.
	 * @param failedStatement the statement that failed, such as {@code statement 2 (line
	 * 5)}, or {@code null} when the failure came when a transaction began or committed
	 */
	private Remedy remedy(MigrationDescriptor migration, Direction direction, Atomicity atomicity,
			@Nullable String failedStatement) {
		if (atomicity != Atomicity.NONE) {
			Remedy fix = Remedy.of(Remedy.Kind.FIX_AND_RETRY, migration.id()).with(Remedy.Fact.DIRECTION, direction);
			if (direction == Direction.DOWN) {
				return fix.with(Remedy.Fact.SOURCE, migration.source(Direction.DOWN));
			}
			return (atomicity == Atomicity.RUN) ? fix.with(Remedy.Fact.WHOLE_RUN) : fix;
		}
		if (direction == Direction.DOWN) {
			Remedy finish = Remedy.of(Remedy.Kind.FINISH_ROLLBACK_BY_HAND, migration.id())
				.with(Remedy.Fact.SOURCE, migration.source(Direction.DOWN))
				.with(Remedy.Fact.PARTLY_BECAUSE, whyPartly(migration));
			return (failedStatement != null) ? finish.with(Remedy.Fact.STATEMENT, failedStatement) : finish;
		}
		return Remedy.of(Remedy.Kind.REPAIR_THEN_RETRY, migration.id())
			.with(Remedy.Fact.ROW_STATE, LedgerState.FAILED)
			.with(Remedy.Fact.PARTLY_BECAUSE, whyPartly(migration));
	}

	private String whyPartly(MigrationDescriptor migration) {
		return this.dialect.name()
				+ (migration.transactional() ? " commits DDL implicitly" : ", migration runs outside a transaction");
	}

	/**
	 * Return where the row of a {@code COPY} that the database refused is in the file,
	 * when the database names the row.
	 */
	private static String copyRowLine(CopyOperation copy, Exception cause) {
		Matcher row = COPY_ROW.matcher(String.valueOf(cause.getMessage()));
		if (!row.find()) {
			return "; its rows start at line " + copy.dataLine();
		}
		long number = Long.parseLong(row.group(1));
		return "; the row the database names as line " + number + " of the COPY is line "
				+ (copy.dataLine() + number - 1);
	}

	private static String excerpt(SchemaOperation operation) {
		String text = (operation instanceof SqlOperation sql) ? sql.sql()
				: (operation instanceof CopyOperation copy) ? copy.sql() : operation.describe();
		String oneLine = text.replaceAll("\\s+", " ").strip();
		return (oneLine.length() > EXCERPT_LENGTH) ? oneLine.substring(0, EXCERPT_LENGTH) + " ..." : oneLine;
	}

	private static LedgerEntry row(Run run, MigrationDescriptor migration, LedgerState state, long executionMs) {
		return new LedgerEntry(migration.id().toString(), migration.checksum(), run.batch(), state, Instant.now(),
				executionMs, run.appliedBy(), null, run.owner());
	}

	private static long elapsedMs(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private enum Atomicity {

		/** The whole run is one transaction. */
		RUN,

		/** The migration and its ledger row are one transaction. */
		MIGRATION,

		/** Changes may stay behind when it fails. */
		NONE

	}

}
