package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.PlannedMigration;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.SessionState;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;

/**
 * How rendered plans read: as the statements JDBC executes and as a script for the
 * database's own command-line client, the same operations shown by one function.
 */
final class PlanText {

	private PlanText() {
	}

	/**
	 * Return rendered plans as what pretend shows of them, made without a connection:
	 * their scripts do not put the session back.
	 * @param plans the rendered plans, in the order they would run
	 * @param direction which plans they are
	 * @param dialect the dialect that rendered them
	 * @return the planned migrations
	 */
	public static List<PlannedMigration> planned(Map<MigrationDescriptor, List<SchemaOperation>> plans,
			Direction direction, Dialect dialect) {
		return planned(plans, direction, dialect, SessionState.UNCHANGED);
	}

	/**
	 * Return rendered plans as what pretend shows of them. Their scripts put the session
	 * back after each migration that may change it, as a run does, to where it is on the
	 * connection the plans are made on.
	 * @param plans the rendered plans, in the order they would run
	 * @param direction which plans they are
	 * @param dialect the dialect that rendered them
	 * @param connection the connection the plans are made on
	 * @return the planned migrations
	 * @throws SQLException on a database error reading the session
	 */
	public static List<PlannedMigration> planned(Map<MigrationDescriptor, List<SchemaOperation>> plans,
			Direction direction, Dialect dialect, Connection connection) throws SQLException {
		return planned(plans, direction, dialect, SessionChanges.capture(dialect, connection, plans.values()));
	}

	private static List<PlannedMigration> planned(Map<MigrationDescriptor, List<SchemaOperation>> plans,
			Direction direction, Dialect dialect, SessionState session) {
		List<PlannedMigration> planned = new ArrayList<>(plans.size());
		plans.forEach((migration, plan) -> planned.add(new PlannedMigration(migration.id(), migration.source(direction),
				direction, sql(plan), script(dialect, plan, session))));
		return planned;
	}

	/**
	 * Return the SQL a plan would execute, JDBC steps shown as comments, and a
	 * {@code COPY ... FROM stdin} with its semicolon, its rows and the line {@code \.}.
	 * @param rendered the rendered plan
	 * @return the statements
	 */
	public static List<String> sql(List<SchemaOperation> rendered) {
		List<String> statements = new ArrayList<>(rendered.size());
		for (SchemaOperation operation : rendered) {
			statements.add(text(operation, SqlOperation::sql));
		}
		return statements;
	}

	/**
	 * Return a plan as a script for the database's own command-line client, JDBC steps
	 * shown as comment lines. Where the plan may change the session, the script puts the
	 * session back after it, as a run does, so that the migrations after it start as they
	 * would alone.
	 * @param dialect the dialect that rendered the plan
	 * @param rendered the rendered plan
	 * @param session the session of the connection the plan was made on
	 * @return the script, one statement after another, without a final line break
	 * @see Dialect#scriptStatement(String)
	 * @see SessionState#around(List)
	 */
	public static String script(Dialect dialect, List<SchemaOperation> rendered, SessionState session) {
		SessionState.Around around = SessionChanges.mayChangeSession(rendered) ? session.around(sql(rendered))
				: SessionState.Around.NONE;
		List<String> lines = new ArrayList<>();
		if (!around.before().isEmpty()) {
			lines.add("-- keep the session, to put it back after this migration as a run does");
			around.before().forEach((sql) -> lines.add(dialect.scriptStatement(sql)));
		}
		for (SchemaOperation operation : rendered) {
			lines.add(text(operation, (sql) -> dialect.scriptStatement(sql.sql())));
		}
		if (!around.after().isEmpty()) {
			lines.add("-- put the session back as a run does after each migration");
			around.after().forEach((sql) -> lines.add(dialect.scriptStatement(sql)));
		}
		return String.join("\n", lines);
	}

	/**
	 * Return how a plan shows an operation: a statement as {@code statement} writes it, a
	 * {@code COPY} with its semicolon, its rows and the line that ends them, JDBC work as
	 * a comment line.
	 */
	private static String text(SchemaOperation operation, Function<SqlOperation, String> statement) {
		if (operation instanceof SqlOperation sql) {
			return statement.apply(sql);
		}
		if (operation instanceof CopyOperation copy) {
			return copy.script();
		}
		return comment(operation);
	}

	private static String comment(SchemaOperation operation) {
		return "-- " + operation.describe() + " (Java code, runs in order with the statements)";
	}

}
