package dev.migrations.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseDisplayNames;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code CREATE INDEX CONCURRENTLY} in a {@code no-transaction} migration, while another
 * runner waits for the lock: the session advisory lock must not deadlock with it.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
@DisplayNameGeneration(DatabaseDisplayNames.class)
class PostgresqlNonTransactionalMigrationTests {

	@TempDir
	Path directory;

	TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create(DatabaseKind.POSTGRESQL);
	}

	@AfterEach
	void dropDatabase() {
		// A database that is not available skips the test before it is created
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void createsAnIndexConcurrentlyWhileAnotherRunnerWaitsForTheLock() throws Exception {
		Files.writeString(this.directory.resolve("20240101000000_create_users.sql"),
				"CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100));\n"
						+ "INSERT INTO users SELECT g, 'user' || g FROM generate_series(1, 1000) g;\n");
		Files.writeString(this.directory.resolve("20240102000000_index_users_email.sql"),
				"-- migrations: no-transaction\nSELECT pg_sleep(1);\n"
						+ "CREATE INDEX CONCURRENTLY users_email_index ON users (email);\n");
		CountDownLatch locked = new CountDownLatch(1);
		MigrationRunner first = runner(new MigrationListener() {
			@Override
			public void lockAcquired(Duration waited) {
				locked.countDown();
			}
		});
		MigrationRunner second = runner(new MigrationListener() {
		});
		CompletableFuture<MigrationResult> firstRun = CompletableFuture.supplyAsync(first::applyAll);
		assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<MigrationResult> secondRun = CompletableFuture.supplyAsync(second::applyAll);
		MigrationResult applied = firstRun.get(60, TimeUnit.SECONDS);
		MigrationResult waited = secondRun.get(60, TimeUnit.SECONDS);
		assertThat(applied.migrations()).hasSize(2);
		assertThat(waited.isEmpty()).isTrue();
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'users_email_index'"))
			.isEqualTo(1);
		assertThat(this.database.queryForLong(
				"SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'users_email_index' AND i.indisvalid"))
			.isEqualTo(1);
	}

	@Test
	void aStatementThatRefusesATransactionNamesTheHeaderThatRunsItOutsideOne() throws Exception {
		Files.writeString(this.directory.resolve("20240101000000_create_users.sql"),
				"CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100));\n");
		Files.writeString(this.directory.resolve("20240102000000_index_users_email.sql"),
				"CREATE INDEX CONCURRENTLY users_email_index ON users (email);\n");
		MigrationRunner runner = runner(new MigrationListener() {
		});
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(runner::applyAll)
			.withMessageContaining("(SQLState 25001)")
			.withMessageContaining("The statement cannot run inside a transaction: start the script with the "
					+ "comment line -- migrations: no-transaction so that the migration runs outside one.");
		Files.writeString(this.directory.resolve("20240102000000_index_users_email.sql"),
				"-- migrations: no-transaction\nCREATE INDEX CONCURRENTLY users_email_index ON users (email);\n");
		assertThat(runner(new MigrationListener() {
		}).applyAll().migrations()).hasSize(1);
	}

	@Test
	void createsAnIndexConcurrentlyWhenBlockCommentsComeBeforeTheHeader() throws Exception {
		Files.writeString(this.directory.resolve("20240101000000_create_users.sql"),
				"CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100));\n");
		Files.writeString(this.directory.resolve("20240102000000_index_users_email.sql"), """
				/*
				 * Builds the index without locking writes to users
				 * /* (PostgreSQL nests block comments) */
				 */
				-- migrations: no-transaction
				CREATE INDEX CONCURRENTLY users_email_index ON users (email);
				""");
		assertThat(runner(new MigrationListener() {
		}).applyAll().migrations()).hasSize(2);
		assertThat(this.database.queryForLong(
				"SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'users_email_index' AND i.indisvalid"))
			.isEqualTo(1);
	}

	private MigrationRunner runner(MigrationListener listener) {
		return MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(60))
			.listener(listener)
			.build();
	}

}
