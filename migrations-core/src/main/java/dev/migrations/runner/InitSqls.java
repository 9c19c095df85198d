package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrations.internal.SessionDataSource;
import dev.migrations.internal.SessionDataSource.Restore;

/**
 * The statements run on each connection a runner opens, before anything else uses it,
 * such as {@code SET ROLE} or {@code SET lock_timeout}. A statement that fails fails the
 * opening, naming the statement by its position, not its text. Thread-safe.
 */
final class InitSqls implements SessionDataSource.Change {

	private final List<String> statements;

	/**
	 * Create the init SQL of a runner.
	 * @param statements the statements, run in order
	 */
	InitSqls(List<String> statements) {
		this.statements = List.copyOf(statements);
	}

	@Override
	public Restore apply(Connection connection) throws SQLException {
		int index = 0;
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.statements) {
				statement.execute(sql);
				index++;
			}
			return Restore.NOTHING;
		}
		catch (SQLException ex) {
			throw new SQLException(
					"Init SQL statement " + (index + 1) + " of " + this.statements.size() + " (migrations.init-sqls["
							+ index + "], --init-sql) failed on the new connection: " + ex.getMessage(),
					ex.getSQLState(), ex);
		}
	}

}
