package dev.migrations.test.guide;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The users table of the guide's examples, as the application's repository would reach
 * it.
 */
final class Users {

	private Users() {
	}

	static void deleteAll(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM users");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int count(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM users")) {
			row.next();
			return row.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
