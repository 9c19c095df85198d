package dev.migrations.samples.plain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.test.CopyMode;
import dev.migrations.test.MigratedDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's SQL migrations, applied once to a template on an in-memory H2 database;
 * each test method gets a fresh copy, so one method's writes are not seen by the other.
 */
@MigratedDatabase(url = "jdbc:h2:mem:plain", mode = CopyMode.PER_METHOD)
class MigratedAuthorsTests {

	@Test
	void startsWithTheSeededAuthors(DataSource dataSource) throws SQLException {
		assertThat(authors(dataSource)).containsExactly("Ada Lovelace", "Grace Hopper");
	}

	@Test
	void writesOnlyToItsOwnCopy(DataSource dataSource) throws SQLException {
		assertThat(authors(dataSource)).containsExactly("Ada Lovelace", "Grace Hopper");
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO authors (id, name) VALUES (3, 'Barbara Liskov')");
		}
		assertThat(authors(dataSource)).containsExactly("Ada Lovelace", "Grace Hopper", "Barbara Liskov");
	}

	private static List<String> authors(DataSource dataSource) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name FROM authors ORDER BY id")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

}
