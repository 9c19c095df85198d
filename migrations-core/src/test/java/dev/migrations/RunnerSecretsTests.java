package dev.migrations;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A runner given the secrets with {@link MigrationRunner.Builder#secrets} carries none of
 * them in what it throws, records or reports, on H2.
 */
class RunnerSecretsTests {

	private static final String PASSWORD = "S3cretPw9";

	@TempDir
	Path migrations;

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create(DatabaseKind.H2);
	}

	@AfterEach
	void dropDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void aConnectionThatDoesNotOpenFailsWithTheDriversErrorMaskedThroughoutItsStackTrace() {
		// MariaDB Connector/J quotes a URL's user information out of context
		JdbcUrlDataSource dataSource = new JdbcUrlDataSource(
				"jdbc:mariadb://root:" + PASSWORD + "@127.0.0.1:3306/test");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationRunner.builder(dataSource).secrets(List.of(PASSWORD)).build())
			.satisfies((failure) -> {
				assertThat(failure.getMessage())
					.startsWith("Could not connect to the database: Incorrect port value : ******@127.0.0.1");
				assertThat(stackTrace(failure)).contains("Caused by: java.sql.SQLException: Incorrect port value")
					.doesNotContain(PASSWORD);
			});
	}

	@Test
	void aFailedMigrationThrowsRecordsAndReportsItsErrorMasked() throws IOException {
		write("20240101000000_broken.sql",
				"-- migrations: no-transaction\n" + "INSERT INTO no_such_table (note) VALUES ('" + PASSWORD + "');");
		MigrationRunner runner = runner();
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(runner::applyAll)
			.satisfies((failure) -> assertThat(failure.getMessage())
				.contains("Migration m_20240101000000_broken failed while applying at statement 1 of 1")
				.contains("VALUES ('******')")
				.doesNotContain(PASSWORD));
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM migrations_ledger WHERE state = 'FAILED' "
				+ "AND error LIKE '%NO_SUCH_TABLE%' AND error NOT LIKE '%" + PASSWORD + "%'"))
			.isOne();
	}

	@Test
	void anErrorRecordedByARunnerThatDidNotKnowTheSecretIsReportedMasked() throws IOException {
		write("20240101000000_broken.sql",
				"-- migrations: no-transaction\n" + "INSERT INTO no_such_table (note) VALUES ('" + PASSWORD + "');");
		MigrationRunner unaware = MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.migrations)
			.build();
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(unaware::applyAll);
		assertThat(this.database.queryForLong(
				"SELECT COUNT(*) FROM migrations_ledger WHERE state = 'FAILED' AND error LIKE '%" + PASSWORD + "%'"))
			.isOne();
		MigrationRunner runner = runner();
		assertThat(runner.status()).singleElement()
			.satisfies((status) -> assertThat(status.error()).contains("VALUES ('******')").doesNotContain(PASSWORD));
		assertThat(runner.validate()).singleElement()
			.satisfies(
					(problem) -> assertThat(problem.message()).contains("VALUES ('******')").doesNotContain(PASSWORD));
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(runner::applyAll)
			.satisfies((failure) -> assertThat(failure.getMessage()).contains("m_20240101000000_broken")
				.doesNotContain(PASSWORD));
	}

	@Test
	void aOneCharacterSecretIsMaskedOnlyWhereItStandsAlone() throws IOException {
		write("20240101000000_broken.sql",
				"-- migrations: no-transaction\nINSERT INTO no_such_table (note) VALUES ('e');");
		MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.migrations)
			.secrets(List.of("e"))
			.build();
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(runner::applyAll)
			.satisfies((failure) -> assertThat(failure.getMessage())
				.contains("Migration m_20240101000000_broken failed while applying at statement 1 of 1")
				.contains("VALUES ('******')")
				.contains("Next step: "))
			.satisfies((failure) -> assertThat(failure.description()).doesNotContain("Next step"))
			.satisfies((failure) -> assertThat(failure.remedy().kind()).isEqualTo(Remedy.Kind.FIX_AND_RESTART));
	}

	private MigrationRunner runner() {
		return MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.migrations)
			.secrets(List.of(PASSWORD))
			.build();
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.migrations.resolve(name), content);
	}

	private static String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

}
