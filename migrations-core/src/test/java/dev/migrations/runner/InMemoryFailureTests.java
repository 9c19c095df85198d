package dev.migrations.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.MigrationExecutionException;
import dev.migrations.Remedy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that fails on a database that lives in memory is not told to repair it.
 */
class InMemoryFailureTests {

	@TempDir
	Path directory;

	@Test
	void aFailedMigrationOnInMemoryH2SaysTheDatabaseIsBuiltAnewAndToFixTheMigrationAndStartAgain()
			throws IOException, SQLException {
		String url = "jdbc:h2:mem:failed_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		MigrationExecutionException failure = applyBroken(url);
		assertThat(failure.remedy().kind()).isEqualTo(Remedy.Kind.FIX_AND_RESTART);
		assertThat(failure.remedy().fact(Remedy.Fact.SOURCE)).endsWith("20240101000100_broken.sql");
		assertThat(failure.getMessage()).contains("Next step: the database lives in memory: it goes when the process "
				+ "ends, with what ran of m_20240101000100_broken and its FAILED row, and the next start builds it "
				+ "anew from the migrations, so there is nothing to repair. Correct m_20240101000100_broken (filesystem:")
			.doesNotContain("runner.repair()");
		new JdbcUrlDataSource(url).getConnection().createStatement().execute("SHUTDOWN");
	}

	@Test
	void aFailedMigrationOnAnH2FileStillSaysToFixTheDatabaseAndRepair() throws IOException {
		MigrationExecutionException failure = applyBroken("jdbc:h2:file:" + this.directory.resolve("db"));
		assertThat(failure.remedy().kind()).isEqualTo(Remedy.Kind.REPAIR_THEN_RETRY);
		assertThat(failure.getMessage()).contains("runner.repair()").doesNotContain("lives in memory");
	}

	@Test
	void inMemoryUrlsAreThoseOfTheProcessOnly() {
		assertThat(RunnerAdvice.isInMemory("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isTrue();
		assertThat(RunnerAdvice.isInMemory("jdbc:h2:mem:")).isTrue();
		assertThat(RunnerAdvice.isInMemory("jdbc:hsqldb:mem:test")).isTrue();
		assertThat(RunnerAdvice.isInMemory("jdbc:sqlite::memory:")).isTrue();
		assertThat(RunnerAdvice.isInMemory("jdbc:h2:tcp://localhost/mem:test")).isFalse();
		assertThat(RunnerAdvice.isInMemory("jdbc:h2:file:/tmp/test")).isFalse();
		assertThat(RunnerAdvice.isInMemory("jdbc:postgresql://localhost/memory")).isFalse();
	}

	private MigrationExecutionException applyBroken(String url) throws IOException {
		Path migrations = Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(migrations.resolve("20240101000000_create_notes.sql"), "CREATE TABLE notes (id INT);");
		Files.writeString(migrations.resolve("20240101000100_broken.sql"),
				"CREATE TABLE tags (id INT);\nINSERT INTO no_such_table VALUES (1);");
		MigrationRunner runner = MigrationRunner.builder(new JdbcUrlDataSource(url))
			.locations("filesystem:" + migrations)
			.build();
		try {
			runner.applyAll();
		}
		catch (MigrationExecutionException ex) {
			return ex;
		}
		throw new AssertionError("The broken migration applied");
	}

}
