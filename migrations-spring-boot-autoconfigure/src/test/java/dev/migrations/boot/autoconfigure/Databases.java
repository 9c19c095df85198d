package dev.migrations.boot.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
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
final class Databases {

	private Databases() {
	}

	static List<String> tables(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = metaData.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
			tables.sort(null);
			return tables;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> ledgerIds(DataSource dataSource) {
		return ledgerIds(dataSource, "migrations_ledger");
	}

	static List<String> ledgerIds(DataSource dataSource, String table) {
		return new JdbcTemplate(dataSource).queryForList("SELECT id FROM " + table + " ORDER BY applied_at, id",
				String.class);
	}

}
