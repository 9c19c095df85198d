package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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

	/**
	 * Return what a script for the database's own client (the text of a dry run) runs
	 * around a migration's statements so that what they change in the session does not
	 * reach the migrations after it, as {@link #restore} does in a run.
	 * @param statements the migration's statements
	 * @return the statements to run before and after them; none by default
	 */
	default Around around(List<String> statements) {
		return Around.NONE;
	}

	/**
	 * Statements a script runs around a migration's own, without their terminators.
	 *
	 * @param before statements before the migration's: they keep what the session has
	 * @param after statements after the migration's: they put it back
	 */
	record Around(List<String> before, List<String> after) {

		/** Nothing around the migration. */
		public static final Around NONE = new Around(List.of(), List.of());

		public Around {
			before = List.copyOf(before);
			after = List.copyOf(after);
		}

	}

}
