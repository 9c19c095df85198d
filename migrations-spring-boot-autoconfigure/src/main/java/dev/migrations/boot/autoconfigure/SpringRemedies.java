package dev.migrations.boot.autoconfigure;

import java.util.Collection;
import java.util.List;

import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationValidationException;
import dev.migrations.Remedy;
import dev.migrations.RemedyWording;
import org.jspecify.annotations.Nullable;

/**
 * The words of a {@link Remedy} in a Spring Boot application: its properties, the
 * commands it runs ({@code java -jar app.jar migrate:repair}) and its extension points,
 * where a Java caller reads method names. Shared by the failure analyzers, the commands
 * run through the application and the endpoint; not meant for applications.
 */
public final class SpringRemedies {

	/**
	 * How to repair from a Spring Boot application.
	 */
	static final String REPAIR_IN_SPRING_BOOT = "To repair from this application, run it once with the command "
			+ "migrate:repair (java -jar app.jar migrate:repair), or define a MigrationStrategy bean that calls "
			+ "runner.repair(false) and then runner.applyAll(), start once, and remove the bean again.";

	/**
	 * How to accept the checksums of edited migrations from a Spring Boot application.
	 */
	static final String ACCEPT_CHECKSUMS_IN_SPRING_BOOT = "To accept them from this application, run it once with "
			+ "the command migrate:repair --accept-checksums (java -jar app.jar migrate:repair --accept-checksums), "
			+ "or define a MigrationStrategy bean that calls runner.repair(RepairOption.ACCEPT_CHECKSUMS) and then "
			+ "runner.applyAll(), start once, and remove the bean again. A plain migrate:repair does not accept them.";

	private static final RemedyWording.Terms TERMS = new SpringTerms("start the application again");

	/**
	 * The terms for a run the endpoint started: the operator retries the request, and
	 * restarts only for what is read at start-up.
	 */
	private static final RemedyWording.Terms ENDPOINT_TERMS = new SpringTerms(
			"send the request again (restart the application first if you changed its migrations or settings, "
					+ "which it reads at start-up)");

	private SpringRemedies() {
	}

	/**
	 * Return what to do, in this application's terms, with how to run what it names from
	 * the application.
	 * @param remedy the remedy
	 * @return the action, empty for {@link Remedy#NONE}
	 */
	static String action(Remedy remedy) {
		return step(remedy) + howTo(List.of(remedy));
	}

	/**
	 * Return what failed of a run that the {@code migrations} endpoint started, followed
	 * by what to do, in this application's terms, with how to run what it names from the
	 * application: the exception's message as the operator who sent the request reads it.
	 * @param ex the exception
	 * @return the message
	 */
	public static String endpointMessage(MigrationException ex) {
		List<Remedy> remedies = (ex instanceof MigrationValidationException validation)
				? validation.getProblems().stream().map(MigrationProblem::remedy).toList() : List.of(ex.remedy());
		return ex.message((remedy) -> RemedyWording.of(remedy, ENDPOINT_TERMS)) + howTo(remedies);
	}

	/**
	 * Return what to do, in this application's terms.
	 * @param remedy the remedy
	 * @return the step, empty for {@link Remedy#NONE}
	 */
	static String step(Remedy remedy) {
		return RemedyWording.of(remedy, TERMS);
	}

	/**
	 * Return how to run, from this application, the repairs that remedies ask for, each
	 * on a line of its own.
	 * @param remedies the remedies
	 * @return the lines, each starting with a line break; empty when none asks for a
	 * repair
	 */
	static String howTo(Collection<Remedy> remedies) {
		StringBuilder howTo = new StringBuilder();
		if (remedies.stream().anyMatch(SpringRemedies::needsRepair)) {
			howTo.append('\n').append(REPAIR_IN_SPRING_BOOT);
		}
		if (remedies.stream().anyMatch((remedy) -> remedy.kind() == Remedy.Kind.ACCEPT_CHECKSUMS)) {
			howTo.append('\n').append(ACCEPT_CHECKSUMS_IN_SPRING_BOOT);
		}
		return howTo.toString();
	}

	/**
	 * Whether a remedy asks for a repair that removes {@code FAILED} or {@code RUNNING}
	 * rows.
	 * @param remedy the remedy
	 * @return whether it does
	 */
	static boolean needsRepair(Remedy remedy) {
		return switch (remedy.kind()) {
			case REPAIR_THEN_RETRY, FINISH_ROLLBACK_BY_HAND, CHECK_STATUS -> true;
			case BASELINE -> remedy.has(Remedy.Fact.FAILED_ROW);
			default -> false;
		};
	}

	/**
	 * The words of a Spring Boot application, with what retrying means where the advice
	 * is read.
	 */
	private static final class SpringTerms implements RemedyWording.Terms {

		private final String retry;

		SpringTerms(String retry) {
			this.retry = retry;
		}

		@Override
		public String repair() {
			return "repair";
		}

		@Override
		public String acceptChecksums() {
			return "java -jar app.jar migrate:repair --accept-checksums";
		}

		@Override
		public String forceRepair() {
			return "java -jar app.jar migrate:repair --force";
		}

		@Override
		public String baseline(@Nullable MigrationId id) {
			return "java -jar app.jar migrate:baseline " + ((id != null) ? id : "ID")
					+ ", or on the next start with migrations.baseline-on-migrate=true and "
					+ "migrations.baseline-version=" + ((id != null) ? id : "ID");
		}

		@Override
		public String rollbackTo(MigrationId target) {
			return "java -jar app.jar migrate:rollback --to " + target;
		}

		@Override
		public String status() {
			return "java -jar app.jar migrate:status, or /actuator/migrations";
		}

		@Override
		public String apply() {
			return "for example by running the application once with migrations.on-startup=apply-and-exit";
		}

		@Override
		public String allowOutOfOrder() {
			return "migrations.out-of-order=apply";
		}

		@Override
		public String allowDestructive() {
			return "migrations.allow-destructive=true";
		}

		@Override
		public String lockTimeout() {
			return "migrations.lock-timeout";
		}

		@Override
		public String ledgerSchema() {
			return "migrations.schema, or migrations.instances.<name>.schema for one of several instances; left "
					+ "empty, the ledger is kept in the connection's current schema";
		}

		@Override
		public String createSchemas() {
			return "migrations.create-schemas=true";
		}

		@Override
		public String secondConnection(@Nullable String setting) {
			return "let the pool open at least two connections (with HikariCP, "
					+ "spring.datasource.hikari.maximum-pool-size), or give migrations a DataSource of their own with "
					+ ((setting != null) ? setting : "migrations") + ".url";
		}

		@Override
		public String retry() {
			return this.retry;
		}

		@Override
		public String shadowDatabase() {
			return "migrations.shadow-url (with migrations.shadow-user and migrations.shadow-password)";
		}

	}

}
