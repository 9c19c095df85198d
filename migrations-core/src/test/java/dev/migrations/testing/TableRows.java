package dev.migrations.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of every table of a test database but the migration ledger and its lock: per
 * table how many rows it holds and a digest of their values, as JDBC reads them, in an
 * order of their own. Two snapshots are equal when the tables hold the same rows, which
 * is how a test checks that two ways of loading the same data loaded the same, escapes,
 * nulls and text in any script included.
 *
 * @param tables per lower-cased table name, its row count and the digest of its rows
 */
public record TableRows(Map<String, String> tables) {

	/**
	 * Read the rows of a database.
	 * @param database the database
	 * @return the snapshot
	 */
	public static TableRows of(TestDatabase database) {
		Map<String, String> tables = new TreeMap<>();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String table : database.tables()) {
				if (table.startsWith("migrations_ledger")) {
					continue;
				}
				List<String> rows = new ArrayList<>();
				try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
					int columns = result.getMetaData().getColumnCount();
					while (result.next()) {
						StringBuilder row = new StringBuilder();
						for (int column = 1; column <= columns; column++) {
							row.append(result.getString(column)).append('\u0001');
						}
						rows.add(row.toString());
					}
				}
				rows.sort(null);
				tables.put(table, rows.size() + " rows, " + digest(rows));
			}
			return new TableRows(tables);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String digest(List<String> rows) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String row : rows) {
				digest.update(row.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
