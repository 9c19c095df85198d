package dev.migrations.boot.actuate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads what migrations left in a database, for assertions.
 */
final class Tables {

	private Tables() {
	}

	static List<String> names(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				ResultSet rows = connection.getMetaData()
					.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
			List<String> tables = new ArrayList<>();
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
			tables.sort(null);
			return tables;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> ledgerIds(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList("SELECT id FROM migrations_ledger ORDER BY id", String.class);
	}

}
