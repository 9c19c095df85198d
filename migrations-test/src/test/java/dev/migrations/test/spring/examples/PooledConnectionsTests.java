package dev.migrations.test.spring.examples;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application whose HikariCP pool holds at most two connections, waits a quarter of a
 * second for one and makes them serializable: the copy's pool does the same.
 */
@SpringBootTest(classes = ExampleApplication.class,
		properties = { "migrations.locations=classpath:db/testmod/notes",
				"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=250",
				"spring.datasource.hikari.transaction-isolation=TRANSACTION_SERIALIZABLE" })
@AutoConfigureMigratedDatabase
@DirtiesContext
public class PooledConnectionsTests {

	/** The copy the test was connected to. */
	public static final List<String> copies = new CopyOnWriteArrayList<>();

	/** The server's ids of the sessions behind the connections borrowed, in order. */
	public static final List<String> sessions = new CopyOnWriteArrayList<>();

	@Autowired
	private DataSource dataSource;

	@Test
	void borrowsFromAPoolSetUpAsTheApplications() throws SQLException {
		for (int borrowed = 0; borrowed < 5; borrowed++) {
			try (Connection connection = this.dataSource.getConnection()) {
				copies.add(connection.getCatalog());
				sessions.add(session(connection));
				assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
			}
		}
		try (Connection first = this.dataSource.getConnection(); Connection second = this.dataSource.getConnection()) {
			sessions.add(session(first));
			sessions.add(session(second));
			assertThatExceptionOfType(SQLTransientConnectionException.class)
				.as("a third connection, beyond the pool's size")
				.isThrownBy(this.dataSource::getConnection);
		}
	}

	private static String session(Connection connection) throws SQLException {
		boolean postgresql = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
		try (Statement statement = connection.createStatement();
				ResultSet row = statement
					.executeQuery(postgresql ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
			row.next();
			return row.getString(1);
		}
	}

}
