package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.lock.MigrationLock;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.ProcessDatabaseTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the standalone executable jar as a real process against a real database and checks
 * the output and exit code of every command.
 */
abstract class CommandLineConformanceIT extends ProcessDatabaseTests {

	private static final String SECRET = "s3cret-never-shown";

	@Test
	void makeMigrationIsPickedUpByTheNextMigrateAndEveryCommandReportsIt() throws Exception {
		Result made = cli("make:migration", "create_notes");
		assertThat(made.exitCode).as(made.output).isZero();
		assertThat(made.output).contains("Created ")
			.contains("_create_notes.up.sql")
			.contains("_create_notes.down.sql");
		Path up = only("*_create_notes.up.sql");
		Path down = only("*_create_notes.down.sql");
		String id = "m_" + up.getFileName().toString().replace(".up.sql", "");
		Files.writeString(up, "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));\n",
				java.nio.file.StandardOpenOption.APPEND);
		Files.writeString(down, "DROP TABLE notes;\n", java.nio.file.StandardOpenOption.APPEND);

		Result pending = cli("migrate:status", "--pending");
		assertThat(pending.exitCode).as(pending.output).isEqualTo(1);
		assertThat(pending.output).contains("Migration")
			.contains("| Batch | Status")
			.contains("Applied At")
			.contains(id)
			.contains("PENDING");

		Result pretend = cli("migrate", "--pretend");
		assertThat(pretend.exitCode).as(pretend.output).isZero();
		assertThat(pretend.output).contains("-- " + id)
			.contains("CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));");
		assertThat(this.database.tables()).doesNotContain("notes", "migrations_ledger");

		Result migrate = cli("migrate");
		assertThat(migrate.exitCode).as(migrate.output).isZero();
		assertThat(migrate.output).containsPattern("Applied " + id + " \\(\\d+ ms\\)")
			.contains("Applied 1 migration(s) in batch 1.");
		assertThat(this.database.tables()).contains("notes");

		Result upToDate = cli("migrate:status", "--pending");
		assertThat(upToDate.exitCode).as(upToDate.output).isZero();
		assertThat(upToDate.output)
			.containsPattern(id + " \\| 1 +\\| APPLIED \\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

		Result json = cli("migrate:status", "--json");
		assertThat(json.exitCode).isZero();
		assertThat(json.output.strip()).startsWith("[{\"id\":\"" + id + "\"")
			.contains("\"state\":\"APPLIED\"")
			.contains("\"batch\":1");

		Result again = cli("migrate", "--json");
		assertThat(again.output.strip()).isEqualTo("{\"batch\":0,\"migrations\":[]}");

		Result rollbackPlan = cli("migrate:rollback", "--pretend");
		assertThat(rollbackPlan.exitCode).isZero();
		assertThat(rollbackPlan.output).contains("-- " + id + " (down").contains("DROP TABLE notes;");
		assertThat(this.database.tables()).contains("notes");

		Result rollback = cli("migrate:rollback", "--steps", "1");
		assertThat(rollback.exitCode).as(rollback.output).isZero();
		assertThat(rollback.output).containsPattern("Rolled back " + id + " \\(\\d+ ms\\)");
		assertThat(this.database.tables()).doesNotContain("notes");

		Result validate = cli("migrate:validate");
		assertThat(validate.exitCode).isZero();
		assertThat(validate.output).contains("No problems");
	}

	@Test
	void aFailingMigrationExitsWithThreeAndNamesTheMigration() throws Exception {
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
		write("20240102000000_broken.sql", "-- migrations: no-transaction\nINSERT INTO no_such_table (id) VALUES (1);");
		Result migrate = cli("migrate");
		assertThat(migrate.exitCode).as(migrate.output).isEqualTo(3);
		assertThat(migrate.output).contains("Applied m_20240101000000_create_alpha")
			.contains("error: Migration m_20240102000000_broken failed while applying at statement 1 of 1")
			.contains("no_such_table")
			.doesNotContain("\tat ")
			.doesNotContain("WARN");
		Result validate = cli("migrate:validate");
		assertThat(validate.exitCode).as(validate.output).isEqualTo(1);
		assertThat(validate.output).contains("m_20240102000000_broken")
			.contains("Next step")
			.contains("Then run migrate:repair, which removes the FAILED row");
		assertThat(cli("migrate:validate", "--json").output).contains("\"remedy\":\"REPAIR_THEN_RETRY\"");
		Result json = cli("migrate:status", "--json");
		assertThat(json.output).contains("\"state\":\"FAILED\"").containsPattern("\"error\":\"[^\"]*no_such_table");
		Result gate = cli("migrate:status", "--pending");
		assertThat(gate.exitCode).as("a FAILED row fails the --pending gate: " + gate.output).isEqualTo(1);
		Result blocked = cli("migrate");
		assertThat(blocked.exitCode).as(blocked.output).isEqualTo(1);
		write("20240102000000_broken.sql", "CREATE TABLE beta (id INT PRIMARY KEY);");
		Result repair = cli("migrate:repair");
		assertThat(repair.exitCode).as(repair.output).isZero();
		assertThat(repair.output).contains("Removed FAILED row of m_20240102000000_broken");
		assertThat(cli("migrate").exitCode).isZero();
		assertThat(this.database.tables()).contains("alpha", "beta");
	}

	@Test
	void validateAsJsonMasksAPasswordInAFailedRowAsTheTextOutputDoes() throws Exception {
		write("20240101000000_broken.sql",
				"-- migrations: no-transaction\nINSERT INTO no_such_table (note) VALUES ('password=hunter2');");
		assertThat(cli("migrate").exitCode).isEqualTo(3);
		Result json = cli("migrate:validate", "--json");
		assertThat(json.exitCode).as(json.output).isEqualTo(1);
		assertThat(json.output).contains("\"state\":\"FAILED\"").contains("password=******").doesNotContain("hunter2");
		Result text = cli("migrate:validate");
		assertThat(text.output).contains("password=******").doesNotContain("hunter2");
	}

	@Test
	void repairAcceptsAnEditedMigrationOnlyWithTheOption() throws Exception {
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
		assertThat(cli("migrate").exitCode).isZero();
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY, name VARCHAR(10));");
		Result status = cli("migrate:status");
		assertThat(status.output).contains("CHECKSUM_MISMATCH");
		Result refused = cli("migrate");
		assertThat(refused.exitCode).isEqualTo(1);
		assertThat(refused.output).contains("20240101000000_create_alpha.sql")
			.contains("changed after it was applied")
			.contains("accept the new checksums with migrate:repair --accept-checksums")
			.doesNotContain("runner.repair");
		assertThat(cli("migrate:validate", "--json").output).contains("\"remedy\":\"ACCEPT_CHECKSUMS\"")
			.contains("migrate:repair --accept-checksums");
		assertThat(cli("migrate:repair").output).contains("Nothing to repair");
		Result accepted = cli("migrate:repair", "--accept-checksums");
		assertThat(accepted.exitCode).isZero();
		assertThat(accepted.output).contains("Accepted checksum");
		assertThat(cli("migrate").exitCode).isZero();
	}

	@Test
	void baselineAndRollbackToWorkFromTheCommandLine() throws Exception {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)");
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
		write("20240102000000_create_beta.up.sql", "CREATE TABLE beta (id INT PRIMARY KEY);");
		write("20240102000000_create_beta.down.sql", "DROP TABLE beta;");
		write("20240103000000_create_gamma.up.sql", "CREATE TABLE gamma (id INT PRIMARY KEY);");
		write("20240103000000_create_gamma.down.sql", "DROP TABLE gamma;");
		Result baseline = cli("migrate:baseline", "m_20240101000000_create_alpha");
		assertThat(baseline.exitCode).as(baseline.output).isZero();
		assertThat(cli("migrate:status").output).contains("BASELINE");
		assertThat(cli("migrate", "--limit", "1").output).contains("Applied m_20240102000000_create_beta");
		assertThat(cli("migrate").output).contains("Applied m_20240103000000_create_gamma");
		Result rollback = cli("migrate:rollback", "--to", "m_20240101000000_create_alpha");
		assertThat(rollback.exitCode).as(rollback.output).isZero();
		assertThat(rollback.output).contains("Rolled back 2 migration(s).");
		assertThat(this.database.tables()).contains("alpha").doesNotContain("beta", "gamma");
		assertThat(cli("migrate").exitCode).isZero();
		Result json = cli("migrate:rollback", "--json");
		assertThat(json.exitCode).as(json.output).isZero();
		assertThat(json.output.strip()).startsWith("{\"migrations\":[{\"id\":\"m_20240103000000_create_gamma\"")
			.contains("{\"id\":\"m_20240102000000_create_beta\"")
			.doesNotContain("batch");
	}

	@Test
	void anExistingDatabaseThatWasNotBaselinedIsAdoptedWithTheStepsTheErrorNames() throws Exception {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)");
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
		write("20240102000000_create_beta.sql", "CREATE TABLE beta (id INT PRIMARY KEY);");
		Result unknown = cli("migrate:baseline", "m_20240101000001_create_alpha");
		assertThat(unknown.exitCode).as(unknown.output).isEqualTo(3);
		assertThat(unknown.output).contains("no migration has this id")
			.contains("the newest migration before m_20240101000001_create_alpha is m_20240101000000_create_alpha: "
					+ "migrate:baseline m_20240101000000_create_alpha");
		Result migrate = cli("migrate");
		assertThat(migrate.exitCode).as(migrate.output).isEqualTo(3);
		assertThat(migrate.output).contains("baseline the database at the newest migration it already has")
			.contains("migrate:baseline ID")
			.doesNotContain("runner.baseline")
			.doesNotContain("WARN");
		if (cli("migrate:validate").exitCode != 0) {
			Result refused = cli("migrate:baseline", "m_20240101000000_create_alpha");
			assertThat(refused.exitCode).as(refused.output).isEqualTo(3);
			assertThat(refused.output).contains("run migrate:repair to remove them, then baseline again "
					+ "(migrate:baseline m_20240101000000_create_alpha)");
			assertThat(cli("migrate:repair").exitCode).isZero();
		}
		Result baseline = cli("migrate:baseline", "m_20240101000000_create_alpha");
		assertThat(baseline.exitCode).as(baseline.output).isZero();
		Result applied = cli("migrate");
		assertThat(applied.exitCode).as(applied.output).isZero();
		assertThat(applied.output).contains("Applied m_20240102000000_create_beta")
			.doesNotContain("m_20240101000000_create_alpha (");
	}

	@Test
	void aLockHeldElsewhereFailsTheCommandAfterTheLockTimeoutItWasGiven() throws Exception {
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
		DataSource dataSource = this.database.dataSource();
		MigrationLock lock = MigrationRunner.builder(dataSource)
			.build()
			.dialect()
			.lock(dataSource, new LedgerTable(null, LedgerTable.DEFAULT_NAME));
		List<Result> waited = lock.withLock(Duration.ofSeconds(10), (held) -> {
			try {
				return List.of(cli("migrate", "--lock-timeout", "2"),
						run(List.of("--url", this.database.url(), "--locations", "filesystem:" + this.migrations,
								"migrate"), Map.of("MIGRATIONS_LOCK_TIMEOUT", "1")));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(waited.get(0).exitCode).as(waited.get(0).output).isEqualTo(3);
		assertThat(waited.get(0).output).contains("Timed out after 2000 ms waiting for the migration lock")
			.contains("raise the lock timeout (--lock-timeout SECONDS (MIGRATIONS_LOCK_TIMEOUT)");
		assertThat(waited.get(1).exitCode).as(waited.get(1).output).isEqualTo(3);
		assertThat(waited.get(1).output).contains("Timed out after 1000 ms waiting for the migration lock");
		assertThat(this.database.tables()).doesNotContain("alpha");
		Result usage = cli("migrate", "--lock-timeout", "soon");
		assertThat(usage.exitCode).as(usage.output).isEqualTo(2);
		assertThat(usage.output).contains("--lock-timeout");
		assertThat(cli("migrate", "--lock-timeout", "2").exitCode).isZero();
		assertThat(this.database.tables()).contains("alpha");
	}

	@Test
	void optionsMayComeBeforeTheCommand() throws Exception {
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
		Result json = cli("--json", "migrate:status");
		assertThat(json.exitCode).as(json.output).isZero();
		assertThat(json.output.strip()).startsWith("[{\"id\":\"m_20240101000000_create_alpha\"");
		Result verbose = cli("--verbose", "migrate");
		assertThat(verbose.exitCode).as(verbose.output).isZero();
		assertThat(this.database.tables()).contains("alpha");
	}

	@Test
	void aLocationThatIsNotThereIsAUsageErrorThatSuggestsFilesystem() throws Exception {
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
		for (String location : List.of(this.migrations.toString(), "classpath:db/migrations")) {
			Result result = run(List.of("--url", this.database.url(), "--locations", location, "migrate"));
			assertThat(result.exitCode).as(result.output).isEqualTo(2);
			assertThat(result.output).contains("error: Migration location '" + location + "' is not on the class path")
				.contains("filesystem:");
		}
		Result noLocation = run(List.of("--url", this.database.url(), "migrate"));
		assertThat(noLocation.exitCode).as(noLocation.output).isEqualTo(2);
		assertThat(this.database.tables()).doesNotContain("alpha");
	}

	@Test
	void aVendorLocationAppliesOnlyTheFolderOfTheDatabase() throws Exception {
		List<String> databases = List.of("h2", "postgresql", "mariadb");
		for (String database : databases) {
			Path folder = Files.createDirectories(this.migrations.resolve(database));
			Files.writeString(folder.resolve("20240101000000_create_notes.sql"),
					"CREATE TABLE notes_" + database + " (id INT PRIMARY KEY);");
		}
		Result result = run(List.of("--url", this.database.url(), "--locations",
				"filesystem:" + this.migrations + "/{vendor}", "migrate"));
		assertThat(result.exitCode).as(result.output).isZero();
		assertThat(result.output).contains("Applied 1 migration(s) in batch 1.");
		assertThat(this.database.tables()).filteredOn((table) -> table.startsWith("notes_"))
			.singleElement()
			.satisfies((table) -> assertThat(databases).contains(table.substring("notes_".length())));
	}

	@Test
	void locationsSeparatedByACommaAndASpaceAreAllRead() throws Exception {
		Path second = Files.createDirectories(this.directory.resolve("second"));
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
		Files.writeString(second.resolve("20240102000000_create_beta.sql"), "CREATE TABLE beta (id INT PRIMARY KEY);");
		Result result = run(List.of("--url", this.database.url(), "--locations",
				"filesystem:" + this.migrations + ", filesystem:" + second, "migrate"));
		assertThat(result.exitCode).as(result.output).isZero();
		assertThat(result.output).contains("Applied 2 migration(s) in batch 1.");
	}

	@Test
	void aPasswordInTheUrlIsNeverPrinted() throws Exception {
		// No driver takes the first (a usage error); the second cannot connect (a
		// failure)
		Map<String, Integer> urls = Map.of("jdbc:postgres://127.0.0.1:1/nowhere?user=app&password=" + SECRET, 2,
				"jdbc:mysql://app:" + SECRET + "@127.0.0.1:1/nowhere", 3);
		for (Map.Entry<String, Integer> url : urls.entrySet()) {
			Result result = run(List.of("--url", url.getKey(), "--locations", "filesystem:" + this.migrations,
					"migrate:status", "--verbose"));
			assertThat(result.exitCode).as(result.output).isEqualTo(url.getValue());
			assertThat(result.output).contains("error: ").doesNotContain(SECRET);
		}
		// MariaDB Connector/J quotes the user information of a URL it cannot parse out of
		// context: "Incorrect port value : <password>@127.0.0.1"
		Result mariadb = run(List.of("--url", "jdbc:mariadb://root:" + SECRET + "@127.0.0.1:3999/x", "--locations",
				"filesystem:" + this.migrations, "migrate:status", "--verbose"));
		assertThat(mariadb.exitCode).as(mariadb.output).isNotZero();
		assertThat(mariadb.output).contains("error: ").doesNotContain(SECRET);
	}

	@Test
	void aUrlNoDriverTakesOrAnInvalidTableIsAUsageError() throws Exception {
		Map<List<String>, String> errors = Map.of(List.of("--url", "notajdbcurl"),
				"error: 'notajdbcurl' is not a JDBC URL (--url or MIGRATIONS_URL)",
				List.of("--url", "jdbc:oracle:thin:@//127.0.0.1:1521/app"),
				"error: No driver in this jar accepts 'jdbc:oracle:thin:@//127.0.0.1:1521/app'",
				List.of("--url", this.database.url(), "--table", "ledger;drop"), "(--table or MIGRATIONS_TABLE)");
		for (Map.Entry<List<String>, String> error : errors.entrySet()) {
			List<String> args = new ArrayList<>(error.getKey());
			args.addAll(List.of("--locations", "filesystem:" + this.migrations, "migrate"));
			Result result = run(args);
			assertThat(result.exitCode).as(args + ": " + result.output).isEqualTo(2);
			assertThat(result.output).contains(error.getValue()).contains("Usage: <command> [options]");
		}
	}

	@Test
	void aNamedDriverIsLoadedAndOneThatIsNotThereIsNoDriverOrRefusesTheUrlIsAUsageError() throws Exception {
		write("20240101000000_one.sql", "CREATE TABLE one_t (id INT PRIMARY KEY);\n");
		Result named = cli("--driver-class-name", driverOf(this.database.kind()), "migrate");
		assertThat(named.exitCode).as(named.output).isZero();
		assertThat(this.database.tables()).contains("one_t");
		String other = driverOf((this.database.kind() == DatabaseKind.H2) ? DatabaseKind.SQLITE : DatabaseKind.H2);
		Map<String, String> errors = Map.of("com.example.NoSuchDriver",
				"error: No class com.example.NoSuchDriver is on the class path "
						+ "(--driver-class-name or MIGRATIONS_DRIVER_CLASS_NAME)",
				"java.lang.String", "error: java.lang.String is not a JDBC driver", other, "error: The driver " + other
						+ " (--driver-class-name or MIGRATIONS_DRIVER_CLASS_NAME) does not accept");
		for (Map.Entry<String, String> error : errors.entrySet()) {
			Result result = run(List.of("--url", this.database.url(), "--locations", "filesystem:" + this.migrations,
					"migrate:status"), Map.of("MIGRATIONS_DRIVER_CLASS_NAME", error.getKey()));
			assertThat(result.exitCode).as(result.output).isEqualTo(2);
			assertThat(result.output).contains(error.getValue()).contains("Usage: <command> [options]");
		}
	}

	private static String driverOf(DatabaseKind kind) {
		return switch (kind) {
			case H2 -> "org.h2.Driver";
			case POSTGRESQL -> "org.postgresql.Driver";
			case MARIADB -> "org.mariadb.jdbc.Driver";
			case SQLITE -> "org.sqlite.JDBC";
		};
	}

	@Test
	void anUnreachableDatabaseExitsWithThreeWithoutStackTraceOrPassword() throws Exception {
		Result result = run(List.of("--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--user", "app", "--password",
				SECRET, "--locations", "filesystem:" + this.migrations, "migrate:status"));
		assertThat(result.exitCode).as(result.output).isEqualTo(3);
		assertThat(result.output).contains("error: Could not connect to the database")
			.doesNotContain("\tat ")
			.doesNotContain(SECRET);
		Result verbose = run(List.of("--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--password", SECRET,
				"--locations", "filesystem:" + this.migrations, "migrate:status", "--verbose"));
		assertThat(verbose.exitCode).isEqualTo(3);
		assertThat(verbose.output).contains("\tat ").doesNotContain(SECRET);
	}

	@Test
	void theResetsPrintWhatTheyWillDoFirstAndRunOnlyWithForce() throws Exception {
		write("20240101000000_create_alpha.up.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
		write("20240101000000_create_alpha.down.sql", "DROP TABLE alpha;");
		write("20240102000000_create_beta.up.sql", "CREATE TABLE beta (id INT PRIMARY KEY);");
		write("20240102000000_create_beta.down.sql", "DROP TABLE beta;");
		assertThat(cli("migrate", "--limit", "1").exitCode).isZero();
		assertThat(cli("migrate").exitCode).isZero();
		this.database.execute("CREATE TABLE stray (id INT PRIMARY KEY)", "INSERT INTO alpha (id) VALUES (1)");

		Result refused = cli("migrate:fresh");
		assertThat(refused.exitCode).as(refused.output).isEqualTo(2);
		assertThat(refused.output).contains("migrate:fresh will drop everything in the ledger's schema, running:")
			.containsPattern("(?i)  DROP TABLE IF EXISTS \\S*stray\\S*( CASCADE)?;")
			.contains("error: migrate:fresh drops every table, view, sequence, type and routine of the ledger's "
					+ "schema and runs only with --force; nothing was changed.")
			.doesNotContain("Usage:");
		Result notReset = cli("migrate:reset");
		assertThat(notReset.exitCode).as(notReset.output).isEqualTo(2);
		assertThat(this.database.tables()).contains("alpha", "beta", "stray", "migrations_ledger");
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM alpha")).isEqualTo(1);

		Result reset = cli("migrate:reset", "--force");
		assertThat(reset.exitCode).as(reset.output).isZero();
		assertThat(reset.output)
			.contains("migrate:reset will roll back 2 migration(s), newest first:\n  m_20240102000000_create_beta\n"
					+ "  m_20240101000000_create_alpha\n")
			.contains("Rolled back 2 migration(s).");
		assertThat(this.database.tables()).doesNotContain("alpha", "beta").contains("stray");

		Result fresh = cli("migrate:fresh", "--force");
		assertThat(fresh.exitCode).as(fresh.output).isZero();
		assertThat(fresh.output).contains("Applied 2 migration(s) in batch 1.");
		assertThat(this.database.tables()).contains("alpha", "beta").doesNotContain("stray");
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM alpha")).isZero();
	}

	@Test
	void aBadArgumentExitsWithTwoAndPrintsUsage() throws Exception {
		for (List<String> args : List.of(List.of("migrate", "--limit", "zero"), List.of("migrate:nothing"),
				List.of("migrate", "--force"), List.of("migrate:baseline"), List.of("make:migration", "Bad-Name"),
				List.of("make:migration", "create_notes", "--java"),
				List.of("make:migration", "create_notes", "--from-entities"))) {
			Result result = cli(args.toArray(String[]::new));
			assertThat(result.exitCode).as(args + ": " + result.output).isEqualTo(2);
			assertThat(result.output).contains("error: ").contains("Usage: <command> [options]");
		}
		try (Stream<Path> files = Files.list(this.migrations)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void aMissingValueOrAnUnknownOptionIsNamedByTheParser() throws Exception {
		Map<List<String>, String> errors = Map.of(List.of("migrate:status", "--url"),
				"error: Option --url needs a value\n", List.of("--password=", "migrate:status"),
				"error: Option --password needs a value\n", List.of("--url", this.database.url(), "migrate", "--limit"),
				"error: Option --limit needs a value\n",
				List.of("--url", this.database.url(), "migrate:status", "--steps", "2"),
				"error: Unknown option '--steps' for migrate:status\n");
		for (Map.Entry<List<String>, String> error : errors.entrySet()) {
			Result result = run(error.getKey());
			assertThat(result.exitCode).as(error.getKey() + ": " + result.output).isEqualTo(2);
			assertThat(result.output).startsWith(error.getValue()).contains("Usage: <command> [options]");
		}
	}

	@Test
	void placeholdersAndATargetFromTheCommandLine() throws Exception {
		write("20240101000000_create_one.sql", "CREATE TABLE ${prefix}_one (id INT PRIMARY KEY);");
		write("20240102000000_create_two.sql", "CREATE TABLE two_t (id INT PRIMARY KEY);");
		Result missing = cli("migrate");
		assertThat(missing.exitCode).as(missing.output).isEqualTo(3);
		assertThat(missing.output).contains("${prefix}").contains("--placeholder prefix=value");
		Result problem = cli("migrate:validate");
		assertThat(problem.exitCode).as(problem.output).isEqualTo(1);
		assertThat(problem.output).contains("${prefix}").contains("applying m_20240101000000_create_one would fail");
		Result unknown = cli("--placeholder", "prefix=app", "migrate", "--target", "20240101000000_create_onw");
		assertThat(unknown.exitCode).as(unknown.output).isEqualTo(3);
		assertThat(unknown.output).contains("20240101000000_create_onw").contains("is not defined");
		Result targeted = cli("--placeholder", "prefix=app", "migrate", "--target", "20240101000000_create_one");
		assertThat(targeted.exitCode).as(targeted.output).isZero();
		assertThat(targeted.output).contains("Applied 1 migration(s) in batch 1.");
		assertThat(this.database.tables()).anyMatch((table) -> table.equalsIgnoreCase("app_one"))
			.noneMatch((table) -> table.equalsIgnoreCase("two_t"));
		Result rest = cli("--placeholder=prefix=other", "migrate");
		assertThat(rest.exitCode).as(rest.output).isZero();
		assertThat(rest.output).contains("Applied 1 migration(s) in batch 2.");
		// Checksums are over the files as written: a job without the values checks the
		// database
		Result status = cli("migrate:status", "--pending");
		assertThat(status.exitCode).as(status.output).isZero();
		assertThat(status.output).contains("m_20240101000000_create_one").contains("APPLIED");
		Result validate = cli("migrate:validate");
		assertThat(validate.exitCode).as(validate.output).isZero();
	}

	@Test
	void aMigrationAppliedOutOfOrderIsNamedAsSuch() throws Exception {
		write("20240102000000_create_two.sql", "CREATE TABLE two_t (id INT PRIMARY KEY);");
		Result first = cli("migrate");
		assertThat(first.exitCode).as(first.output).isZero();
		assertThat(first.output).doesNotContain("Out of order");
		write("20240101000000_create_one.sql", "CREATE TABLE one_t (id INT PRIMARY KEY);");
		Result late = cli("migrate");
		assertThat(late.exitCode).as(late.output).isZero();
		assertThat(late.output).contains("Applied 1 migration(s) in batch 2.")
			.contains("Out of order, older than a migration applied before them: m_20240101000000_create_one.");
	}

	@Test
	void schemasRunTheMigrationsOverEverySchemaThatMatches() throws Exception {
		DatabaseKind kind = getClass().getAnnotation(OnDatabase.class).value();
		String prefix = "cli" + Long.toHexString(System.nanoTime()) + "_";
		List<String> schemas = List.of(prefix + "a", prefix + "b", prefix + "c");
		String create = (kind == DatabaseKind.MARIADB) ? "CREATE DATABASE " : "CREATE SCHEMA ";
		schemas.forEach((schema) -> this.database.execute(create + schema));
		try {
			write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY);");
			Result migrate = cli("migrate", "--schemas", prefix + "%", "--parallelism", "2");
			assertThat(migrate.exitCode).as(migrate.output).isZero();
			assertThat(migrate.output).containsPattern("(?im)^" + prefix + "a +APPLIED +1 +0 ")
				.contains("3 target(s): 3 applied, 0 up to date, 0 pending, 0 failed, 0 skipped");
			Result status = cli("migrate:status", "--schemas", prefix + "%", "--json");
			assertThat(status.exitCode).as(status.output).isZero();
			assertThat(status.output).contains("\"targets\":3,\"applied\":0,\"upToDate\":3,");
			assertThat(this.database.tables()).doesNotContain("alpha");
		}
		finally {
			if (kind == DatabaseKind.MARIADB) {
				schemas.forEach((schema) -> this.database.execute("DROP DATABASE " + schema));
			}
		}
	}

	private Result cli(String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of("--url", this.database.url(), "--locations", "filesystem:" + this.migrations));
		command.addAll(List.of(args));
		if (args[0].equals("make:migration")) {
			command.addAll(List.of("--dir", this.migrations.toString()));
		}
		return run(command);
	}

	private Result run(List<String> args) throws Exception {
		return run(args, Map.of());
	}

	private Result run(List<String> args, Map<String, String> environment) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-jar", System.getProperty("migrations.cli.jar")));
		command.addAll(args);
		Path output = Files.createTempFile(this.directory, "cli", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("The command line did not finish: " + Files.readString(output));
		}
		return new Result(process.exitValue(), Files.readString(output));
	}

	private Path only(String glob) throws IOException {
		try (Stream<Path> files = Files.list(this.migrations)) {
			List<Path> matches = files
				.filter((file) -> this.migrations.getFileSystem()
					.getPathMatcher("glob:" + glob)
					.matches(file.getFileName()))
				.toList();
			assertThat(matches).hasSize(1);
			return matches.get(0);
		}
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.migrations.resolve(name), content);
	}

	record Result(int exitCode, String output) {
	}

}
