package dev.migrations.lock;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A condition that a ledger write checks in the same statement, such as "this run still
 * holds the migration lock": the check and the write are one round trip, and nothing can
 * come between them.
 */
public interface WriteCondition {

	/**
	 * Return the condition: a boolean SQL expression, with {@code ?} parameters, that the
	 * database accepts in a {@code WHERE} clause.
	 * @return the expression
	 */
	String sql();

	/**
	 * Set the parameters of {@link #sql()}.
	 * @param statement the statement that contains the expression
	 * @param firstIndex the index of the expression's first parameter in the statement
	 * @throws SQLException on a database error
	 */
	void bind(PreparedStatement statement, int firstIndex) throws SQLException;

}
