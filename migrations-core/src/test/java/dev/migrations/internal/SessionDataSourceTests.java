package dev.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.internal.SessionDataSource.Restore;
import dev.migrations.testing.ReusedConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SessionDataSource}: what a pooled connection's borrower sees and what
 * the pool gets back.
 */
class SessionDataSourceTests {

	private ReusedConnections pool;

	@BeforeEach
	void createDatabase() throws SQLException {
		this.pool = new ReusedConnections(new JdbcUrlDataSource(
				"jdbc:h2:mem:session_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1"));
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA OTHER");
			statement.execute("CREATE TABLE OTHER.T (ID INT)");
		}
	}

	@AfterEach
	void dropDatabase() throws Exception {
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
		this.pool.close();
	}

	@Test
	void theSessionIsChangedWhenOpenedAndPutBackWhenClosed() throws SQLException {
		SessionDataSource dataSource = new SessionDataSource(this.pool, SessionDataSourceTests::useOther);
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getSchema()).isEqualTo("OTHER");
		}
		try (Connection connection = this.pool.getConnection()) {
			assertThat(connection.getSchema()).isEqualTo("PUBLIC");
		}
	}

	@Test
	void anOpenTransactionIsRolledBackBeforeTheSessionIsPutBack() throws SQLException {
		SessionDataSource dataSource = new SessionDataSource(this.pool, SessionDataSourceTests::useOther);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO T VALUES (1)");
			}
		}
		try (Connection connection = this.pool.getConnection();
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT COUNT(*) FROM OTHER.T")) {
			rows.next();
			assertThat(rows.getInt(1)).isZero();
			assertThat(connection.getSchema()).isEqualTo("PUBLIC");
		}
	}

	@Test
	void aChangeThatFailsClosesTheConnectionAndFailsAsAChangeWithItsOwnFailure() {
		AtomicReference<Connection> opened = new AtomicReference<>();
		SQLException failure = new SQLException("Could not prepare the connection");
		JdbcUrlDataSource physical = new JdbcUrlDataSource("jdbc:h2:mem:");
		SessionDataSource dataSource = new SessionDataSource(physical, (connection) -> {
			opened.set(connection);
			throw failure;
		});
		assertThatExceptionOfType(SessionChangeFailure.class).isThrownBy(dataSource::getConnection)
			.withMessage("Could not prepare the connection")
			.withCause(failure);
		assertThat(opened.get()).satisfies((connection) -> assertThat(connection.isClosed()).isTrue());
	}

	@Test
	void withNothingToRestoreTheConnectionItselfIsHandedOut() throws SQLException {
		AtomicReference<Connection> opened = new AtomicReference<>();
		SessionDataSource dataSource = new SessionDataSource(new JdbcUrlDataSource("jdbc:h2:mem:"), (connection) -> {
			opened.set(connection);
			return Restore.NOTHING;
		});
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection).isSameAs(opened.get());
		}
	}

	private static Restore useOther(Connection connection) throws SQLException {
		String original = connection.getSchema();
		connection.setSchema("OTHER");
		return (restored) -> restored.setSchema(original);
	}

}
