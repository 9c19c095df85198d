package dev.migrations.internal;

import java.sql.SQLException;

/**
 * A connection opened, and the change a {@link SessionDataSource} makes to each new one
 * failed on it, such as a statement of the init SQL: a database error in what the run was
 * configured to do, not a database that cannot be reached. Carries the change's failure
 * as its cause, with its message, SQLState and error code.
 */
public final class SessionChangeFailure extends SQLException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the failure of a session's change.
	 * @param failure what the database answered
	 */
	public SessionChangeFailure(SQLException failure) {
		super(failure.getMessage(), failure.getSQLState(), failure.getErrorCode(), failure);
	}

}
