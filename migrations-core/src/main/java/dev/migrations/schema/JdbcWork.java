package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Data work that needs JDBC, such as reading rows to compute new ones. It runs on the
 * migration's connection, in its transaction where there is one, in order with the other
 * operations of the migration. It must not commit, roll back or close the connection.
 */
@FunctionalInterface
public interface JdbcWork {

	/**
	 * Do the work.
	 * @param connection the migration's connection
	 * @throws SQLException on a database error
	 */
	void execute(Connection connection) throws SQLException;

}
