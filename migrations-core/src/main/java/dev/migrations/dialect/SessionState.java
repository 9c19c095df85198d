package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a migration can change in the session of the connection that applies it (a search
 * path, a default database, session settings), captured at the start of a run, so that
 * the runner can put the session back after a migration that changed it: each migration
 * starts from the session it would have if it ran alone. Used by the thread of the run.
 */
public interface SessionState {

	/**
	 * The state of a run none of whose migrations can change the session: nothing to put
	 * back.
	 */
	SessionState UNCHANGED = (connection) -> {
	};

	/**
	 * Put the session back as it was captured, changing only what differs.
	 * @param connection the connection the state was captured on
	 * @throws SQLException on a database error
	 */
	void restore(Connection connection) throws SQLException;

}
