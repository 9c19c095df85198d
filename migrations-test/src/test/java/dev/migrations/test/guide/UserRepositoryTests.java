package dev.migrations.test.guide;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.migrations.test.MigratedDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MigratedDatabase
class UserRepositoryTests {

	@Test
	void startsWithTheAdminTheMigrationsInsert(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM users")) {
			row.next();
			assertThat(row.getInt(1)).isEqualTo(1);
		}
	}

}
