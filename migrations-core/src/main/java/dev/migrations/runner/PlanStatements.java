package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationListener;
import dev.migrations.dialect.Dialect;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.JdbcOperation;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;

/**
 * Executes the operations of a rendered plan, one after another, on one statement: SQL,
 * {@code COPY} and JDBC work; logs what the database warns of; and turns the first
 * failure into a {@link MigrationExecutionException} that names the statement.
 */
final class PlanStatements {

	private final Dialect dialect;

	private final MigrationListener listener;

	private final ExecutionFailures failures;

	private final DatabaseWarnings warnings;

	PlanStatements(Dialect dialect, MigrationListener listener, ExecutionFailures failures) {
		this.dialect = dialect;
		this.listener = listener;
		this.failures = failures;
		this.warnings = new DatabaseWarnings(dialect);
	}

	/**
	 * Execute a plan; a failure is told to the listener and thrown.
	 * @param connection the connection that applies migrations
	 * @param migration the migration
	 * @param direction which of its plans this is
	 * @param plan the rendered plan
	 * @param atomicity what a failure leaves behind
	 * @throws MigrationExecutionException if an operation fails
	 */
	void execute(Connection connection, MigrationDescriptor migration, Direction direction, List<SchemaOperation> plan,
			Atomicity atomicity) {
		if (plan.isEmpty()) {
			return;
		}
		Statement statement;
		try {
			statement = connection.createStatement();
		}
		catch (SQLException ex) {
			MigrationExecutionException failure = this.failures.failure(migration, direction, plan, 0, ex, atomicity);
			this.listener.onFailure(migration, direction, failure);
			throw failure;
		}
		try (statement) {
			for (int i = 0; i < plan.size(); i++) {
				SchemaOperation operation = plan.get(i);
				try {
					if (operation instanceof SqlOperation sql) {
						statement.execute(sql.sql());
						this.warnings.log(statement, migration, direction, i + 1, plan.size(), sql.line());
					}
					else if (operation instanceof CopyOperation copy) {
						this.dialect.copyIn(connection, copy);
					}
					else if (operation instanceof JdbcOperation jdbc) {
						jdbc.work().execute(connection);
					}
				}
				catch (SQLException | RuntimeException ex) {
					MigrationExecutionException failure = this.failures.failure(migration, direction, plan, i, ex,
							atomicity);
					this.listener.onFailure(migration, direction, failure);
					throw failure;
				}
			}
		}
		catch (SQLException ex) {
			// Closing the statement failed after every statement ran; the connection's
			// next use tells whether it is broken
		}
	}

}
