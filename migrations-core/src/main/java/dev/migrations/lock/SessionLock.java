package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

	/**
	 * Return the query that answers the id on the server of the session it runs in.
	 * @return the query
	 */
	abstract String sessionIdQuery();

	private long sessionId(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sessionIdQuery())) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * Return the condition, valid on any connection to the database, that a session holds
	 * the lock: a boolean SQL expression.
	 * @return the expression
	 */
	abstract String heldCondition();

	/**
	 * Set the parameters of {@link #heldCondition()}.
	 * @param statement the statement
	 * @param firstIndex the index of the condition's first parameter
	 * @param connection the connection it runs on
	 * @param sessionId the session that should hold the lock
	 * @throws SQLException on a database error
	 */
	abstract void bindHeld(PreparedStatement statement, int firstIndex, Connection connection, long sessionId)
			throws SQLException;

	private long session(Held held) throws SQLException {
		long session = held.session;
		if (session < 0) {
			synchronized (held.connection) {
				session = sessionId(held.connection);
			}
			held.session = session;
		}
		return session;
	}

	/**
	 * Ask on the writing connection, whose session is busy with the run anyway, whether
	 * the lock's session still holds the lock: asking the lock's own connection costs
	 * waking an idle session, about half a millisecond per migration on a busy
	 * PostgreSQL. A lock session that was ended has released the lock.
	 */
	@Override
	final boolean isHeld(Held held, Connection writer) throws SQLException {
		long session = session(held);
		PreparedStatement statement = held.prepare(writer, "SELECT " + heldCondition());
		bindHeld(statement, 1, writer, session);
		try (ResultSet result = statement.executeQuery()) {
			return result.next() && result.getBoolean(1);
		}
	}

	/**
	 * The same proof as {@link #isHeld}, checked by the ledger write itself.
	 */
	@Override
	final Optional<WriteCondition> writeCondition(Held held) throws SQLException {
		long session = session(held);
		Connection lockConnection = held.connection;
		String condition = heldCondition();
		return Optional.of(new WriteCondition() {

			@Override
			public String sql() {
				return condition;
			}

			@Override
			public void bind(PreparedStatement statement, int firstIndex) throws SQLException {
				bindHeld(statement, firstIndex, lockConnection, session);
			}

		});
	}

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
