package dev.migrations.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 opened with settings that fold unquoted names to lower case or leave them as
 * written: the ledger and the tables of the schema builder are named so that raw SQL
 * finds them unquoted.
 */
class H2IdentifierCaseTests {

	private static final MigrationEntry BUILDER = MigrationEntry.of(MigrationId.parse("m_20240102000000_create_beta"),
			(schema) -> schema.create("beta", (t) -> {
				t.id();
				t.string("name");
			}));

	@TempDir
	Path directory;

	private final List<String> urls = new ArrayList<>();

	@AfterEach
	void shutDown() throws SQLException {
		for (String url : this.urls) {
			try (Connection connection = new JdbcUrlDataSource(url).getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
		}
	}

	@Test
	void databaseToLowerNamesTheLedgerInLowerCase() throws Exception {
		DataSource dataSource = database(";DATABASE_TO_LOWER=TRUE");
		applyTwice(dataSource);
		assertThat(tables(dataSource)).containsExactlyInAnyOrder("alpha", "beta", "migrations_ledger",
				"migrations_ledger_lock");
	}

	@Test
	void postgresqlModeWithDatabaseToLowerNamesTheLedgerInLowerCase() throws Exception {
		DataSource dataSource = database(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
		applyTwice(dataSource);
		assertThat(tables(dataSource)).containsExactlyInAnyOrder("alpha", "beta", "migrations_ledger",
				"migrations_ledger_lock");
	}

	@Test
	void databaseToUpperFalseNamesTheLedgerAsWritten() throws Exception {
		DataSource dataSource = database(";DATABASE_TO_UPPER=FALSE");
		applyTwice(dataSource);
		assertThat(tables(dataSource)).containsExactlyInAnyOrder("alpha", "beta", "migrations_ledger",
				"migrations_ledger_lock");
	}

	@Test
	void theDefaultKeepsUpperCaseNames() throws Exception {
		DataSource dataSource = database("");
		applyTwice(dataSource);
		assertThat(tables(dataSource)).containsExactlyInAnyOrder("ALPHA", "BETA", "MIGRATIONS_LEDGER",
				"MIGRATIONS_LEDGER_LOCK");
	}

	private void applyTwice(DataSource dataSource) throws IOException, SQLException {
		Files.writeString(this.directory.resolve("20240101000000_create_alpha.sql"),
				"CREATE TABLE alpha (id INT PRIMARY KEY)", StandardCharsets.UTF_8);
		assertThat(runner(dataSource).applyAll().migrations()).hasSize(2);
		assertThat(count(dataSource, "SELECT COUNT(*) FROM migrations_ledger")).isEqualTo(2);
		assertThat(count(dataSource, "SELECT COUNT(*) FROM beta")).isZero();
		assertThat(runner(dataSource).applyAll().isEmpty()).isTrue();
		assertThat(runner(dataSource).status()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
	}

	private MigrationRunner runner(DataSource dataSource) {
		return MigrationRunner.builder(dataSource).locations("filesystem:" + this.directory).entries(BUILDER).build();
	}

	private DataSource database(String settings) {
		String url = "jdbc:h2:mem:case_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1"
				+ settings;
		this.urls.add(url);
		return new JdbcUrlDataSource(url);
	}

	private static long count(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static List<String> tables(DataSource dataSource) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet rows = connection.getMetaData()
					.getTables(null, connection.getSchema(), null, new String[] { "TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

}
