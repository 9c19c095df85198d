package dev.migrations.samples.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrations.ExecutedMigration;
import dev.migrations.MigrationId;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follows {@code docs/migrating-from-flyway.md} on a small Flyway-shaped project whose
 * migrations Flyway has applied: the rename script from the page, run as written, then a
 * baseline at the last renamed file, then a new migration. Only the new one runs.
 */
class MigratingFromFlywayTests {

	private static final Path GUIDE = Path.of("../../docs/migrating-from-flyway.md");

	private static final Pattern SCRIPT = Pattern.compile("Save this script as `flyway-rename.sh`:\n\n```sh\n(.*?)```",
			Pattern.DOTALL);

	/** A Flyway project: file name to SQL, in the order Flyway applied them. */
	private static final Map<String, String> FLYWAY_MIGRATIONS = Map.of("V1__Create_customers.sql",
			"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);", "V1.1__add_email.sql",
			"ALTER TABLE customers ADD COLUMN email VARCHAR(200);", "V2__create_orders.sql",
			"CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers (id));",
			"V10__seed_customers.sql",
			"INSERT INTO customers (id, name) VALUES (1, 'Ada');\nINSERT INTO customers (id, name) VALUES (2, 'Grace');");

	private static final List<String> FLYWAY_ORDER = List.of("V1__Create_customers.sql", "V1.1__add_email.sql",
			"V2__create_orders.sql", "V10__seed_customers.sql");

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL" })
	void renamedFilesAndABaselineApplyOnlyTheNewMigration(DatabaseKind kind) throws Exception {
		try (TestDatabase database = TestDatabase.create(kind)) {
			Path migrations = Files.createDirectories(this.directory.resolve("db/migration"));
			applyAsFlywayDid(database, migrations);

			String printed = runRenameScript(migrations);
			assertThat(printed).isEqualTo(
					"""
							db/migration/V1__Create_customers.sql -> db/migration/20000101000001_create_customers.sql (m_20000101000001_create_customers)
							db/migration/V1.1__add_email.sql -> db/migration/20000101000002_add_email.sql (m_20000101000002_add_email)
							db/migration/V2__create_orders.sql -> db/migration/20000101000003_create_orders.sql (m_20000101000003_create_orders)
							db/migration/V10__seed_customers.sql -> db/migration/20000101000004_seed_customers.sql (m_20000101000004_seed_customers)
							""");
			assertThat(fileNames(migrations)).containsExactly("20000101000001_create_customers.sql",
					"20000101000002_add_email.sql", "20000101000003_create_orders.sql",
					"20000101000004_seed_customers.sql");
			String lastLine = printed.strip().lines().reduce((first, second) -> second).orElseThrow();
			MigrationId baseline = MigrationId
				.parse(lastLine.substring(lastLine.lastIndexOf('(') + 1, lastLine.length() - 1));
			assertThat(baseline).hasToString("m_20000101000004_seed_customers");

			runner(database, migrations).baseline(baseline);
			Files.writeString(migrations.resolve("20261122000000_add_phone_to_customers.up.sql"),
					"ALTER TABLE customers ADD COLUMN phone VARCHAR(40);\n");
			Files.writeString(migrations.resolve("20261122000000_add_phone_to_customers.down.sql"),
					"ALTER TABLE customers DROP COLUMN phone;\n");
			// The next start: a runner reads its locations when it is built
			MigrationRunner runner = runner(database, migrations);

			assertThat(runner.pretend().applyAll()).extracting(PlannedMigration::id)
				.extracting(MigrationId::toString)
				.containsExactly("m_20261122000000_add_phone_to_customers");
			MigrationResult applied = runner.applyAll();
			assertThat(applied.migrations()).extracting(ExecutedMigration::id)
				.extracting(MigrationId::toString)
				.containsExactly("m_20261122000000_add_phone_to_customers");
			assertThat(runner.status()).extracting(MigrationStatus::state)
				.containsExactly(MigrationState.BASELINE, MigrationState.BASELINE, MigrationState.BASELINE,
						MigrationState.BASELINE, MigrationState.APPLIED);
			assertThat(database.queryForLong("SELECT COUNT(phone) + COUNT(*) FROM customers")).isEqualTo(2);
			assertThat(database.queryForLong("SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(4);
			assertThat(runner.applyAll().migrations()).isEmpty();

			assertThat(runner.rollback().migrations()).extracting(ExecutedMigration::id)
				.extracting(MigrationId::toString)
				.containsExactly("m_20261122000000_add_phone_to_customers");
			assertThat(runner.rollback().migrations()).as("a baseline is never rolled back").isEmpty();
			assertThat(database.tables()).contains("customers", "orders");
		}
	}

	private static MigrationRunner runner(TestDatabase database, Path migrations) {
		return MigrationRunner.builder(database.dataSource()).locations("filesystem:" + migrations).build();
	}

	/**
	 * Run each file's statements with plain JDBC and record them in a history table
	 * shaped like Flyway's, as Flyway would have.
	 */
	private void applyAsFlywayDid(TestDatabase database, Path migrations) throws IOException {
		database.execute("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, "
				+ "version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, "
				+ "script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, "
				+ "installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, execution_time INT NOT NULL, "
				+ "success BOOLEAN NOT NULL)");
		int rank = 0;
		for (String file : FLYWAY_ORDER) {
			String sql = FLYWAY_MIGRATIONS.get(file);
			Files.writeString(migrations.resolve(file), sql + "\n");
			database.execute(sql.split(";\n?"));
			rank++;
			String version = file.substring(1, file.indexOf("__"));
			String description = file.substring(file.indexOf("__") + 2, file.length() - 4).replace('_', ' ');
			database.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
					+ "checksum, installed_by, execution_time, success) VALUES (" + rank + ", '" + version + "', '"
					+ description + "', 'SQL', '" + file + "', " + sql.hashCode() + ", 'app', 5, TRUE)");
		}
	}

	private String runRenameScript(Path migrations) throws IOException, InterruptedException {
		Matcher script = SCRIPT.matcher(Files.readString(GUIDE));
		assertThat(script.find()).as("a ```sh block in " + GUIDE).isTrue();
		Path output = this.directory.resolve("rename.log");
		Process process = new ProcessBuilder("sh", "-c", script.group(1), "flyway-rename.sh", "db/migration")
			.directory(migrations.getParent().getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the rename script finished").isTrue();
		String printed = Files.readString(output);
		assertThat(process.exitValue()).as(printed).isZero();
		return printed;
	}

	private static List<String> fileNames(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
