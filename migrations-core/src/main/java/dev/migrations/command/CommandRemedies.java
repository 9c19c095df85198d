package dev.migrations.command;

import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.Remedy;
import dev.migrations.RemedyWording;
import org.jspecify.annotations.Nullable;

/**
 * The words of a {@link Remedy} on the command line: the commands and options of
 * {@link MigrationCommandLine}, such as {@code migrate:repair --accept-checksums}, where
 * a Java caller reads method names.
 */
public final class CommandRemedies {

	private static final RemedyWording.Terms TERMS = new RemedyWording.Terms() {

		@Override
		public String repair() {
			return "migrate:repair";
		}

		@Override
		public String acceptChecksums() {
			return "migrate:repair --accept-checksums";
		}

		@Override
		public String forceRepair() {
			return "migrate:repair --force";
		}

		@Override
		public String baseline(@Nullable MigrationId id) {
			return "migrate:baseline " + ((id != null) ? id : "ID");
		}

		@Override
		public String rollbackTo(MigrationId target) {
			return "migrate:rollback --to " + target;
		}

		@Override
		public String status() {
			return "migrate:status";
		}

		@Override
		public String apply() {
			return "migrate";
		}

		@Override
		public String allowOutOfOrder() {
			return "out-of-order = apply";
		}

		@Override
		public String allowDestructive() {
			return "migrate --allow-destructive";
		}

		@Override
		public String lockTimeout() {
			return "--lock-timeout SECONDS (MIGRATIONS_LOCK_TIMEOUT), or migrations.lock-timeout in an application";
		}

		@Override
		public String ledgerSchema() {
			return "the schema of the ledger table";
		}

		@Override
		public String createSchemas() {
			return "--create-schemas, or migrations.create-schemas=true in an application";
		}

		@Override
		public String secondConnection(@Nullable String setting) {
			return RemedyWording.JAVA.secondConnection(setting);
		}

		@Override
		public String retry() {
			return "run the command again";
		}

		@Override
		public String shadowDatabase() {
			return "--shadow-url (with --shadow-user and --shadow-password)";
		}

	};

	private CommandRemedies() {
	}

	/**
	 * Return what to do, in command-line terms.
	 * @param remedy the remedy
	 * @return the step, empty for {@link Remedy#NONE}
	 */
	public static String step(Remedy remedy) {
		return RemedyWording.of(remedy, TERMS);
	}

	/**
	 * Return a failure's description and its next step in command-line terms.
	 * @param failure the failure
	 * @return the message
	 */
	public static String message(MigrationException failure) {
		return failure.message(CommandRemedies::step);
	}

}
