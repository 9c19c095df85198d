package dev.migrations;

import java.util.Arrays;
import java.util.List;

import dev.migrations.Remedy.Fact;
import org.jspecify.annotations.Nullable;

/**
 * The words of every {@link Remedy}: one sentence per kind and facts, with the commands,
 * methods and settings it names taken from a front end's {@link Terms}. {@link #JAVA}
 * words it for a Java caller, as {@link dev.migrations.MigrationException#getMessage()}
 * shows it; the command line and the Spring Boot failure analyzers bring terms of their
 * own.
 */
public final class RemedyWording {

	/** How many migrations a step names one by one before it gives a count instead. */
	private static final int NAMED_AT_MOST = 5;

	/** The terms of a Java caller: method names. */
	public static final Terms JAVA = new Terms() {

		@Override
		public String repair() {
			return "repair (runner.repair())";
		}

		@Override
		public String acceptChecksums() {
			return "runner.repair(RepairOption.ACCEPT_CHECKSUMS)";
		}

		@Override
		public String forceRepair() {
			return "runner.repair(RepairOption.FORCE)";
		}

		@Override
		public String baseline(@Nullable MigrationId id) {
			return "runner.baseline(" + ((id != null) ? "MigrationId.parse(\"" + id + "\")" : "id") + ")";
		}

		@Override
		public String rollbackTo(MigrationId target) {
			return "runner.rollbackTo(MigrationId.parse(\"" + target + "\"))";
		}

		@Override
		public String status() {
			return "runner.status()";
		}

		@Override
		public String apply() {
			return "runner.applyAll()";
		}

		@Override
		public String allowOutOfOrder() {
			return "outOfOrder(OutOfOrder.APPLY) on the runner's builder";
		}

		@Override
		public String allowDestructive() {
			return "allowDestructive(true) on the runner's builder";
		}

		@Override
		public String lockTimeout() {
			return "lockTimeout(Duration) on the runner's builder";
		}

		@Override
		public String ledgerSchema() {
			return "table(schema, table) on the runner's builder";
		}

		@Override
		public String createSchemas() {
			return "createSchemas(true) on the runner's builder";
		}

		@Override
		public String secondConnection(@Nullable String setting) {
			return "if the DataSource is a connection pool, let it open at least two connections, or give migrations "
					+ "a DataSource of their own";
		}

		@Override
		public String retry() {
			return "run again";
		}

		@Override
		public String shadowDatabase() {
			return "shadow(ShadowDatabase.of(url, user, password)) on the runner's builder";
		}

	};

	private RemedyWording() {
	}

	/**
	 * Return the words of a remedy for a Java caller.
	 * @param remedy the remedy
	 * @return the step, empty for {@link Remedy#NONE}
	 */
	public static String java(Remedy remedy) {
		return of(remedy, JAVA);
	}

	/**
	 * Return the words of a remedy in a front end's terms.
	 * @param remedy the remedy
	 * @param terms the front end's commands, methods and settings
	 * @return the step, empty for {@link Remedy#NONE}
	 */
	public static String of(Remedy remedy, Terms terms) {
		String step = step(remedy, terms) + outsideTransaction(remedy) + stillApplied(remedy, terms)
				+ appliedBefore(remedy);
		return step.strip();
	}

	private static String step(Remedy remedy, Terms terms) {
		MigrationId migration = remedy.migration();
		return switch (remedy.kind()) {
			case NONE -> "";
			case FIX_AND_RETRY -> fixAndRetry(remedy, terms);
			case CORRECT_MIGRATION -> "UP".equals(remedy.fact(Fact.DIRECTION))
					? "Correct " + remedy.fact(Fact.SOURCE) + ", or give it what it lacks, such as a placeholder's "
							+ "value: applying " + migration + " would fail on it."
					: "Correct " + remedy.fact(Fact.SOURCE) + ": a rollback of " + migration + " would fail on it.";
			case ADD_DOWN_MIGRATION -> "add a down migration, or roll back fewer steps so the range stops before it.";
			case REPAIR_THEN_RETRY -> repairThenRetry(remedy, terms);
			case FIX_AND_RESTART -> "the database lives in memory: it goes when the process ends, with what ran of "
					+ migration + " and its FAILED row, and the next start builds it anew from the migrations, so "
					+ "there is nothing to repair. Correct " + migration
					+ (remedy.has(Fact.SOURCE) ? " (" + remedy.fact(Fact.SOURCE) + ")" : "") + " and " + terms.retry()
					+ ".";
			case FINISH_ROLLBACK_BY_HAND -> "the database may be partly rolled back ("
					+ remedy.fact(Fact.PARTLY_BECAUSE) + "), and the ledger marks " + migration
					+ " FAILED, which blocks later runs. Finish the rollback " + "by hand: "
					+ (remedy.has(Fact.STATEMENT)
							? "do what " + remedy.fact(Fact.STATEMENT) + " and the statements after it in "
									+ remedy.fact(Fact.SOURCE) + " would have done (the statements before it ran)"
							: "check what " + remedy.fact(Fact.SOURCE) + " changed and do the rest of it")
					+ ". Then run " + terms.repair() + ": it removes the FAILED row, so that " + migration
					+ " counts as rolled back (the next apply runs it again).";
			case ACCEPT_CHECKSUMS -> "Revert the change and write a new migration instead; or, if the change is "
					+ "intended, accept the new checksums with " + terms.acceptChecksums() + ".";
			case BASELINE -> baseline(remedy, terms);
			case ALLOW_OUT_OF_ORDER ->
				"Give it a newer timestamp, or allow out-of-order migrations (" + terms.allowOutOfOrder() + ").";
			case CONFIRM_DESTRUCTIVE -> confirmDestructive(remedy, terms);
			case APPLY_PENDING -> "Apply it (" + terms.apply() + ").";
			case CREATE_SCHEMA ->
				"create schema " + remedy.fact(Fact.SCHEMA) + " (for example CREATE SCHEMA " + remedy.fact(Fact.SCHEMA)
						+ ") and " + terms.retry() + ", or let the run create it (" + terms.createSchemas()
						+ "), or configure a ledger schema that exists (" + terms.ledgerSchema() + ").";
			case WAIT_FOR_LOCK -> remedy.has(Fact.TIMED_OUT)
					? "wait for it to finish and " + terms.retry() + ", or raise the lock timeout ("
							+ terms.lockTimeout() + ")."
					: "Wait for that run to finish; a run started now waits for the lock and then applies what is "
							+ "left.";
			case RELEASE_LOCK -> remedy.has(Fact.FORCE_REPAIR)
					? "wait for that run to finish. If you have checked that " + remedy.fact(Fact.HOLDER)
							+ " is stuck or gone, repair with force (" + terms.forceRepair()
							+ "), which takes the lock from it first."
					: "end that holder's process or database session yourself, or run as a database user that may "
							+ "end other sessions; then " + terms.retry() + ".";
			case CHECK_STATUS -> "another runner may hold the lock now and apply the rest; check the status ("
					+ terms.status() + ") once it is done. If a migration of this run shows RUNNING, check what it "
					+ "changed, then run " + terms.repair() + " and apply again.";
			case SECOND_CONNECTION -> "the migration lock holds a connection of its own for the whole run, so a run "
					+ "needs two connections at once: " + terms.secondConnection(remedy.fact(Fact.SETTING)) + "; then "
					+ terms.retry() + ".";
			case CHECK_CONNECTION -> "check that the database is running and reachable and that the URL, user and "
					+ "password are right; then " + terms.retry() + ".";
			case CORRECT_DATABASE_ERROR -> "correct the cause of this database error"
					+ nonNull(remedy.fact(Fact.REQUIREMENTS)) + "; then " + terms.retry() + ".";
			case CORRECT_LEDGER ->
				"compare the ledger with the database, correct the ledger, then " + terms.retry() + ".";
			case CORRECT_CONFIGURATION -> nonNull(remedy.fact(Fact.STEP));
			case USE_SHADOW_DATABASE -> (remedy.has(Fact.NAMED_SHADOW)
					? "check that the shadow database can be reached, is of the same kind and is empty, or name "
							+ "another that is empty and used for nothing else ("
					: "give the user the right to create databases, or name an empty database of the same kind, "
							+ "used for nothing else, as the shadow (")
					+ terms.shadowDatabase() + "); then " + terms.retry() + ".";
		};
	}

	private static String fixAndRetry(Remedy remedy, Terms terms) {
		if ("DOWN".equals(remedy.fact(Fact.DIRECTION))) {
			return "the rollback and its ledger change were rolled back together, so nothing of "
					+ remedy.fact(Fact.SOURCE) + " took effect and " + remedy.migration()
					+ " is still applied. Fix the down migration and " + terms.retry() + ".";
		}
		if (remedy.has(Fact.WHOLE_RUN)) {
			return "the whole run was rolled back and nothing was applied. Fix the migration and " + terms.retry()
					+ ".";
		}
		return "the migration and its ledger row were rolled back together, so nothing of it was applied. Fix the "
				+ "migration and " + terms.retry() + ".";
	}

	private static String repairThenRetry(Remedy remedy, Terms terms) {
		if (remedy.has(Fact.PARTLY_BECAUSE)) {
			return "the database may be partly changed (" + remedy.fact(Fact.PARTLY_BECAUSE) + "), and the ledger "
					+ "marks " + remedy.migration() + " FAILED, which blocks later runs. Fix the database by hand, "
					+ "undoing what ran of the migration, then run " + terms.repair() + " and apply again.";
		}
		if ("RUNNING".equals(remedy.fact(Fact.ROW_STATE))) {
			return "First make sure that the run which left the row is not still at work: a database finishes a "
					+ "statement whose client died before it notices, so that run's last statement may still be "
					+ "running (PostgreSQL: pg_stat_activity; MySQL and MariaDB: SHOW PROCESSLIST); wait for it to "
					+ "end, or end its session (pg_terminate_backend, KILL). Then check what the migration, or its "
					+ "rollback, changed and fix the database by hand so that it has none of the migration's changes: "
					+ "undo what ran of the migration, or finish the rollback. Then run " + terms.repair()
					+ ", which removes the RUNNING row, so that the migration counts as not "
					+ "applied (the next apply runs it again).";
		}
		return "The database may be partly changed. Fix it by hand so that it has none of the migration's changes: "
				+ "undo what ran of a failed migration, or finish a failed rollback. Then run " + terms.repair()
				+ ", which removes the FAILED row, so that the migration counts as not applied (the next apply runs "
				+ "it again).";
	}

	private static String baseline(Remedy remedy, Terms terms) {
		Remedy alternative = remedy.alternative();
		if (alternative != null) {
			return of(alternative, terms) + " If the database already has what this migration creates because its "
					+ "schema was made before this library managed it (by hand, by Flyway or by Liquibase), do not "
					+ "change the migration or the database: "
					+ (remedy.has(Fact.FAILED_ROW) ? "run " + terms.repair() + " to remove the FAILED row, then " : "")
					+ "baseline the database at the newest migration it already has (" + terms.baseline(null)
					+ "), and apply again.";
		}
		if (remedy.has(Fact.FAILED_ROW)) {
			return "the ledger holds only FAILED or RUNNING rows, left by a run that failed before the database was "
					+ "baselined; run " + terms.repair() + " to remove them, then baseline again ("
					+ terms.baseline(remedy.migration()) + ").";
		}
		String newestBefore = remedy.fact(Fact.NEWEST_BEFORE);
		return "baseline at the id of the newest migration the database already has"
				+ ((newestBefore != null) ? " (the newest migration before " + remedy.migration() + " is "
						+ newestBefore + ": " + terms.baseline(MigrationId.parse(newestBefore)) + ")" : "")
				+ ", and check that the migration locations are the ones the application uses.";
	}

	private static String confirmDestructive(Remedy remedy, Terms terms) {
		String mark = switch (String.valueOf(remedy.fact(Fact.WRITTEN_IN))) {
			case "sql" -> "a \"-- migrations: destructive\" header line";
			case "java" -> "destructive() returning true";
			default ->
				"a \"-- migrations: destructive\" header line in a SQL file, destructive() returning true in " + "Java";
		};
		return "If the loss is intended, mark " + ((remedy.migration() != null) ? "the migration" : "each of them")
				+ " destructive (" + mark + ") or allow destructive changes for this run (" + terms.allowDestructive()
				+ ").";
	}

	private static String outsideTransaction(Remedy remedy) {
		String kind = remedy.fact(Fact.OUTSIDE_TRANSACTION);
		if (kind == null) {
			return "";
		}
		return " The statement cannot run inside a transaction: "
				+ ("sql".equals(kind) ? "start the script with the comment line -- migrations: no-transaction"
						: "return false from the migration's transactional()")
				+ " so that the migration runs outside one.";
	}

	private static String stillApplied(Remedy remedy, Terms terms) {
		String ids = remedy.fact(Fact.STILL_APPLIED);
		if (ids == null) {
			return "";
		}
		List<String> left = Arrays.asList(ids.split(", "));
		String them = (left.size() == 1) ? "it" : "them";
		String stillApplied = " Of what this rollback was to undo, " + names(left)
				+ ((left.size() == 1) ? " is" : " are") + " still applied";
		if (remedy.has(Fact.SAME_ROLLBACK)) {
			return stillApplied + ": the same rollback again undoes " + them + ".";
		}
		String target = remedy.fact(Fact.ROLLBACK_TO);
		if (target != null) {
			return stillApplied + ": roll back to " + target + " (" + terms.rollbackTo(MigrationId.parse(target))
					+ ") to undo just " + them + ".";
		}
		return stillApplied + ".";
	}

	/**
	 * What an apply committed before the migration that failed, named one by one when
	 * there are a few, and as a count and a range when there are more.
	 */
	private static String appliedBefore(Remedy remedy) {
		String ids = remedy.fact(Fact.APPLIED_BEFORE);
		if (ids == null) {
			return "";
		}
		List<String> applied = Arrays.asList(ids.split(", "));
		String named = (applied.size() <= NAMED_AT_MOST) ? names(applied)
				: applied.size() + " migrations, " + applied.get(0) + " to " + applied.get(applied.size() - 1);
		return " Before it, this run applied and committed " + named + ".";
	}

	private static String names(List<String> names) {
		return (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

	private static String nonNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

	/**
	 * How a front end names what a remedy asks for: its commands, methods and settings.
	 */
	public interface Terms {

		/**
		 * Name the repair that removes {@code FAILED} and {@code RUNNING} rows, after
		 * "run".
		 * @return the words
		 */
		String repair();

		/**
		 * Name the repair that accepts the checksums of edited migrations.
		 * @return the words
		 */
		String acceptChecksums();

		/**
		 * Name the repair that takes the lock from a stuck holder first.
		 * @return the words
		 */
		String forceRepair();

		/**
		 * Name a baseline.
		 * @param id the migration to baseline at, or {@code null} when the user must
		 * choose it
		 * @return the words
		 */
		String baseline(@Nullable MigrationId id);

		/**
		 * Name a rollback to a migration.
		 * @param target the migration to keep
		 * @return the words
		 */
		String rollbackTo(MigrationId target);

		/**
		 * Name the status.
		 * @return the words
		 */
		String status();

		/**
		 * Name applying pending migrations.
		 * @return the words
		 */
		String apply();

		/**
		 * Name the setting that allows out-of-order migrations.
		 * @return the words
		 */
		String allowOutOfOrder();

		/**
		 * Name the setting that allows destructive changes for a run.
		 * @return the words
		 */
		String allowDestructive();

		/**
		 * Name the setting of the lock timeout.
		 * @return the words
		 */
		String lockTimeout();

		/**
		 * Name the setting of the ledger's schema.
		 * @return the words
		 */
		String ledgerSchema();

		/**
		 * Name the setting that creates the ledger's schema when it does not exist.
		 * @return the words
		 */
		String createSchemas();

		/**
		 * Say how to give a run its second connection.
		 * @param setting the prefix of the properties of the connection, or {@code null}
		 * @return the words
		 */
		String secondConnection(@Nullable String setting);

		/**
		 * Say how to try again, after "then".
		 * @return the words
		 */
		String retry();

		/**
		 * Return how a shadow database is named.
		 * @return the setting or option
		 */
		String shadowDatabase();

	}

}
