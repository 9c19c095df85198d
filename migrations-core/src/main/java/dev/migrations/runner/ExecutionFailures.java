package dev.migrations.runner;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.Credentials;
import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationExecutionException;
import dev.migrations.Remedy;
import dev.migrations.dialect.Dialect;
import dev.migrations.ledger.LedgerState;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;
import org.jspecify.annotations.Nullable;

/**
 * Describes the failure of a migration: which statement of which source failed, an
 * excerpt of it, the database's own error, and the remedy for what the failure left
 * behind. The message is also the error of a {@code FAILED} row, so no secret is in it.
 */
final class ExecutionFailures {

	private static final int EXCERPT_LENGTH = 300;

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

	private final List<String> secrets;

	ExecutionFailures(Dialect dialect, List<String> secrets) {
		this.dialect = dialect;
		this.secrets = List.copyOf(secrets);
	}

	/**
	 * The failure of a migration when its transaction began, committed or ended: a
	 * connection that breaks between statements fails there, not in a statement.
	 */
	MigrationExecutionException transactionFailure(MigrationDescriptor migration, Direction direction,
			Atomicity atomicity, SQLException ex) {
		String message = "Migration " + migration.id() + " failed "
				+ ((direction == Direction.UP) ? "while applying" : "while rolling back") + " ("
				+ migration.source(direction) + ") when its transaction began or committed:\nDatabase error: "
				+ ex.getMessage() + ((ex.getSQLState() != null) ? " (SQLState " + ex.getSQLState() + ")" : "");
		return new MigrationExecutionException(masked(message), remedy(migration, direction, atomicity, null),
				migration.id(), 0, Credentials.maskFailure(ex, this.secrets));
	}

	/**
	 * The failure of a migration at a statement of its plan.
	 */
	MigrationExecutionException failure(MigrationDescriptor migration, Direction direction, List<SchemaOperation> plan,
			int index, Exception cause, Atomicity atomicity) {
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

}
