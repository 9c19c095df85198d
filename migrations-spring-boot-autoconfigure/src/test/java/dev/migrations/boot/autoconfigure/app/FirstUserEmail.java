package dev.migrations.boot.autoconfigure.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Reads the migrated table in its constructor, straight from the {@link DataSource};
 * {@link DependsOnDatabaseInitialization} orders it after migrations.
 */
@Component
@DependsOnDatabaseInitialization
public class FirstUserEmail {

	private final String email;

	public FirstUserEmail(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT email FROM users WHERE id = 1")) {
			result.next();
			this.email = result.getString(1);
		}
	}

	public String getEmail() {
		return this.email;
	}

}
