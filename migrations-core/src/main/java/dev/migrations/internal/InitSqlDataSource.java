package dev.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/**
 * A data source that runs statements on each connection it opens, before anything else
 * uses it, such as {@code SET ROLE} or {@code SET lock_timeout}: committed where the
 * connection is not in auto-commit mode. A statement that fails closes the connection and
 * fails the opening, naming the statement by its position, not its text. Thread-safe.
 */
public final class InitSqlDataSource extends DelegatingDataSource {

	private final List<String> statements;

	/**
	 * Create a data source that prepares the connections of another.
	 * @param dataSource the data source
	 * @param statements the statements, run in order
	 */
	public InitSqlDataSource(DataSource dataSource, List<String> statements) {
		super(dataSource);
		this.statements = List.copyOf(statements);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return prepare(delegate().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return prepare(delegate().getConnection(username, password));
	}

	private Connection prepare(Connection connection) throws SQLException {
		int index = 0;
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.statements) {
				statement.execute(sql);
				index++;
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			return connection;
		}
		catch (SQLException ex) {
			try {
				connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			throw new SQLException(
					"Init SQL statement " + (index + 1) + " of " + this.statements.size() + " (migrations.init-sqls["
							+ index + "], --init-sql) failed on the new connection: " + ex.getMessage(),
					ex.getSQLState(), ex);
		}
	}

}
