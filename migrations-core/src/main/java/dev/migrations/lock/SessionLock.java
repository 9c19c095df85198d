package dev.migrations.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Base for locks bound to a database session (PostgreSQL advisory lock, MySQL and MariaDB
 * named lock): the holder is the session, found in the server's list of sessions, and
 * taking the lock from it means ending that session.
 */
abstract class SessionLock extends AbstractConnectionLock {

	SessionLock(DataSource dataSource) {
		super(dataSource);
	}

	/**
	 * Look up the session that holds the lock. Failing to see it (for lack of privileges,
	 * say) is not an error.
	 * @param connection a connection to query
	 * @return the session, or empty
	 */
	abstract Optional<Session> findSession(Connection connection);

	/**
	 * End a session.
	 * @param connection a connection to use
	 * @param id the session's id on the server
	 * @throws SQLException on a database error
	 */
	abstract void terminate(Connection connection, long id) throws SQLException;

	@Override
	final LockHolder self(Connection connection, String token) {
		return findSession(connection).map(Session::holder)
			.orElseGet(() -> new LockHolder("the session of " + token, null));
	}

	@Override
	final Optional<LockHolder> findHolder(Connection connection) {
		return findSession(connection).map(Session::holder);
	}

	@Override
	final void end(Connection connection, LockHolder holder) throws SQLException {
		Optional<Session> session = findSession(connection);
		if (session.isPresent() && session.get().holder().equals(holder)) {
			terminate(connection, session.get().id());
		}
	}

	/**
	 * A session that holds the lock.
	 *
	 * @param id the session's id on the server
	 * @param holder the holder it is reported as
	 */
	record Session(long id, LockHolder holder) {
	}

}
