package dev.migrations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.PlannedMigration;
import dev.migrations.dialect.Dialect;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;

/**
 * How rendered plans read: as the statements JDBC executes and as a script for the
 * database's own command-line client, the same operations shown by one function.
 */
public final class PlanText {

	private PlanText() {
	}

	/**
	 * Return rendered plans as what pretend shows of them.
	 * @param plans the rendered plans, in the order they would run
	 * @param direction which plans they are
	 * @param dialect the dialect that rendered them
	 * @return the planned migrations
	 */
	public static List<PlannedMigration> planned(Map<MigrationDescriptor, List<SchemaOperation>> plans,
			Direction direction, Dialect dialect) {
		List<PlannedMigration> planned = new ArrayList<>(plans.size());
		plans.forEach((migration, plan) -> planned.add(new PlannedMigration(migration.id(), migration.source(direction),
				direction, sql(plan), script(dialect, plan))));
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
	 * shown as comment lines.
	 * @param dialect the dialect that rendered the plan
	 * @param rendered the rendered plan
	 * @return the script, one statement after another, without a final line break
	 * @see Dialect#scriptStatement(String)
	 */
	public static String script(Dialect dialect, List<SchemaOperation> rendered) {
		StringBuilder script = new StringBuilder();
		for (SchemaOperation operation : rendered) {
			if (!script.isEmpty()) {
				script.append('\n');
			}
			script.append(text(operation, (sql) -> dialect.scriptStatement(sql.sql())));
		}
		return script.toString();
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
