package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.SessionState;
import dev.migrations.schema.JdbcOperation;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;

/**
 * Which plans may change the session of the connection that runs them, so that each
 * migration starts from the session as the run found it, and a run whose plans cannot
 * change it reads nothing to put back.
 */
final class SessionChanges {

	/**
	 * A statement that can change the session: {@code SET}, {@code RESET}, {@code USE},
	 * {@code DISCARD} at the start of a line (also in MySQL's {@code /*!40101 SET ...}),
	 * or a call of PostgreSQL's {@code set_config}. A false match costs one restore.
	 */
	private static final Pattern SESSION_STATEMENT = Pattern
		.compile("(?im)^\\s*(?:/\\*!\\d*\\s*)?(?:SET|RESET|USE|DISCARD)\\b|set_config");

	private SessionChanges() {
	}

	/**
	 * Capture the session of a run's connection, if one of the run's plans may change it;
	 * otherwise there is nothing to put back and nothing is read.
	 * @param dialect the dialect
	 * @param connection the connection that applies migrations
	 * @param plans the rendered plans of the run
	 * @return the session as the run finds it
	 * @throws SQLException on a database error
	 */
	static SessionState capture(Dialect dialect, Connection connection, Collection<List<SchemaOperation>> plans)
			throws SQLException {
		for (List<SchemaOperation> plan : plans) {
			if (mayChangeSession(plan)) {
				return dialect.sessionState(connection);
			}
		}
		return SessionState.UNCHANGED;
	}

	/**
	 * Put the session back as the run found it, if the plan that just ran may have
	 * changed it.
	 * @param run the run
	 * @param plan the plan that ran
	 * @throws SQLException on a database error
	 */
	static void restoreAfter(Run run, List<SchemaOperation> plan) throws SQLException {
		if (mayChangeSession(plan)) {
			run.restoreSession();
		}
	}

	static boolean mayChangeSession(List<SchemaOperation> plan) {
		for (SchemaOperation operation : plan) {
			if (operation instanceof JdbcOperation
					|| (operation instanceof SqlOperation sql && SESSION_STATEMENT.matcher(sql.sql()).find())) {
				return true;
			}
		}
		return false;
	}

}
