package dev.migrations.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.LedgerTable;
import dev.migrations.dialect.Dialects;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB reached through MySQL Connector/J ({@code jdbc:mysql:} URLs, as the CLI bundles
 * both drivers): the driver reports the product as {@code MySQL}, and the version tells
 * that the server is MariaDB.
 */
@OnDatabase(DatabaseKind.MARIADB)
class MariadbMysqlDriverTests extends FreshDatabaseTests {

	@Test
	void detectsMariadbBehindTheMysqlDriver() throws SQLException {
		try (Connection connection = mysqlDriver().getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("MySQL");
			assertThat(Dialects.detect(connection).name()).isEqualTo("mariadb");
		}
	}

	@Test
	void appliesMigrationsAndKeepsTheMillisecondsOfAppliedAt() throws IOException {
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY)");
		write("20240102000000_create_beta.sql", "CREATE TABLE beta (id INT PRIMARY KEY)");
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		MigrationRunner runner = MigrationRunner.builder(mysqlDriver())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30))
			.build();
		assertThat(runner.dialect().name()).isEqualTo("mariadb");
		assertThat(runner.applyAll().migrations()).hasSize(2);
		Instant after = Instant.now();
		List<LedgerEntry> throughMysql = readLedger(mysqlDriver());
		assertThat(throughMysql).extracting(LedgerEntry::id)
			.containsExactly("m_20240101000000_create_alpha", "m_20240102000000_create_beta");
		assertThat(throughMysql).extracting(LedgerEntry::appliedAt).allSatisfy((appliedAt) -> {
			assertThat(appliedAt).isBetween(before, after);
			assertThat(appliedAt.getNano() % 1_000_000).isZero();
		});
		// Both rows on a whole second by chance: one run in a million
		assertThat(throughMysql).extracting(LedgerEntry::appliedAt)
			.anySatisfy((appliedAt) -> assertThat(appliedAt.getNano()).isNotZero());
		assertThat(readLedger(this.database.dataSource())).isEqualTo(throughMysql);
		assertThat(this.database.queryForLong("SELECT DATETIME_PRECISION FROM information_schema.COLUMNS "
				+ "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'migrations_ledger' AND COLUMN_NAME = 'applied_at'"))
			.isEqualTo(3);
	}

	@Test
	void writesAndReadsAppliedAtWithItsMilliseconds() throws SQLException {
		Instant appliedAt = Instant.parse("2024-05-06T07:08:09.678Z");
		SqlMigrationLedger ledger = new SqlMigrationLedger(mysqlDriver(), LedgerTable.DEFAULT_NAME);
		try (Connection connection = mysqlDriver().getConnection()) {
			ledger.ensureInitialized(connection);
			ledger.logApplied(connection,
					new LedgerEntry("m_1", null, 1, LedgerState.APPLIED, appliedAt, 0, "test", null));
			assertThat(ledger.readApplied(connection)).singleElement()
				.satisfies((row) -> assertThat(row.appliedAt()).isEqualTo(appliedAt));
		}
		assertThat(this.database
			.queryForString("SELECT DATE_FORMAT(applied_at, '%Y-%m-%d %H:%i:%s.%f') FROM " + "migrations_ledger"))
			.isEqualTo("2024-05-06 07:08:09.678000");
	}

	private DataSource mysqlDriver() {
		String url = this.database.url();
		assertThat(url).startsWith("jdbc:mariadb:");
		return new JdbcUrlDataSource("jdbc:mysql:" + url.substring("jdbc:mariadb:".length()));
	}

	private List<LedgerEntry> readLedger(DataSource dataSource) {
		SqlMigrationLedger ledger = new SqlMigrationLedger(dataSource, LedgerTable.DEFAULT_NAME);
		try (Connection connection = dataSource.getConnection()) {
			return ledger.readApplied(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void write(String fileName, String content) throws IOException {
		Files.writeString(this.directory.resolve(fileName), content, StandardCharsets.UTF_8);
	}

}
