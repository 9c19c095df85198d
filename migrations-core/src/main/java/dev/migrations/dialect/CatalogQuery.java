package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * How the catalog readers query a catalog: one prepared statement per kind of thing, its
 * parameters bound in order, each row handed on as it is read.
 */
final class CatalogQuery {

	private CatalogQuery() {
	}

	/**
	 * Run a query and hand on each of its rows.
	 * @param connection the connection
	 * @param sql the query
	 * @param parameters the values of its parameters, in order
	 * @param handler what to do with each row
	 * @throws SQLException on a database error
	 */
	static void forEachRow(Connection connection, String sql, List<String> parameters, RowHandler handler)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int index = 0; index < parameters.size(); index++) {
				statement.setString(index + 1, parameters.get(index));
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					handler.handle(rows);
				}
			}
		}
	}

	/**
	 * What a reader does with one row of a catalog query.
	 */
	@FunctionalInterface
	interface RowHandler {

		/**
		 * Handle a row.
		 * @param row the result set, on the row
		 * @throws SQLException on a database error
		 */
		void handle(ResultSet row) throws SQLException;

	}

}
