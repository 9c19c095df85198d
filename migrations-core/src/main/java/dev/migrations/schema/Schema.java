package dev.migrations.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.migrations.source.SqlStatement;
import dev.migrations.source.SqlStatementSplitter;

/**
 * Records the operations of a migration in order. Nothing is executed while a migration
 * records its plan; the engine renders the recorded operations for the connected database
 * afterwards. Instances are not thread-safe and are used by one migration at a time.
 */
public final class Schema {

	private final List<SchemaOperation> operations = new ArrayList<>();

	private final String owner;

	/**
	 * Create an empty schema that records operations for the given owner.
	 * @param owner the migration class or file that records operations, for messages
	 */
	public Schema(String owner) {
		this.owner = owner;
	}

	/**
	 * Record raw SQL. The text may hold several statements separated by {@code ;}; they
	 * are split by the same rules as SQL migration files.
	 * @param sql the SQL to execute
	 * @return this schema
	 */
	public Schema sql(String sql) {
		for (SqlStatement statement : SqlStatementSplitter.standard().split(sql)) {
			add(new SqlOperation(statement.sql(), statement.canonical(), 0));
		}
		return this;
	}

	/**
	 * Record JDBC work that runs in order with the other operations, on the migration's
	 * connection.
	 * @param work the work to run
	 * @return this schema
	 */
	public Schema jdbc(JdbcWork work) {
		return add(new JdbcOperation(work, this.owner));
	}

	/**
	 * Record an operation.
	 * @param operation the operation
	 * @return this schema
	 */
	public Schema add(SchemaOperation operation) {
		this.operations.add(operation);
		return this;
	}

	/**
	 * Return the operations recorded so far, in order.
	 * @return an unmodifiable view of the operations
	 */
	public List<SchemaOperation> operations() {
		return Collections.unmodifiableList(this.operations);
	}

}
