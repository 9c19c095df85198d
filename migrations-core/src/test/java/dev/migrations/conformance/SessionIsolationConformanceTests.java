package dev.migrations.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that changes its session (a search path, a default database, session
 * variables, as dumps and scripts do) changes neither where the ledger is written nor the
 * session the next migration starts from.
 */
abstract class SessionIsolationConformanceTests extends FreshDatabaseTests {

	/**
	 * Return statements that change the session as a dump or script does, then create
	 * table {@code alpha} wherever the changed session puts it.
	 * @return the statements, each ending with a semicolon
	 */
	abstract String changeSession();

	/**
	 * Return an expression whose value tells what {@link #changeSession()} changes.
	 * @return the expression
	 */
	abstract String probe();

	@Test
	void eachMigrationStartsFromTheSessionTheRunFoundAndTheLedgerStaysWhereItWas() {
		String starting = this.database.queryForString("SELECT " + probe());
		write("20240101000000_change_session.sql", changeSession());
		write("20240102000000_probe.sql", "CREATE TABLE beta AS SELECT " + probe() + " AS v;");
		write("20240103000000_gamma.sql", "CREATE TABLE gamma (id INT PRIMARY KEY);");
		assertThat(runner().applyAll().migrations()).hasSize(3);
		assertThat(this.database.queryForString("SELECT v FROM beta")).isEqualTo(starting);
		assertThat(this.database.tables()).contains("beta", "gamma", "migrations_ledger");
		assertThat(runner().status()).extracting(MigrationStatus::state)
			.containsOnly(MigrationState.APPLIED)
			.hasSize(3);
	}

	MigrationRunner runner() {
		return MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30))
			.build();
	}

	void write(String fileName, String content) {
		try {
			Files.writeString(this.directory.resolve(fileName), content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
