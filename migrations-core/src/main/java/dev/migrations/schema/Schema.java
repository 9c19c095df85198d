package dev.migrations.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlStatementSplitter;

/**
 * Records the operations of a migration in order. Nothing is executed while a migration
 * records its plan; the engine renders the recorded operations for the connected database
 * afterwards. Table changes are written with the schema builder: <pre class="code">
 * schema.create("users", (t) -&gt; {
 *     t.id();
 *     t.string("email", 255).unique();
 *     t.timestamps();
 * });
 * </pre> Instances are not thread-safe and are used by one migration at a time.
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
	 * Record the creation of a table. Reversible: the inverse drops the table.
	 * @param table the table name
	 * @param definition defines the columns, indexes and keys
	 * @return this schema
	 */
	public Schema create(String table, Consumer<Blueprint> definition) {
		Blueprint blueprint = new Blueprint(table, true);
		Objects.requireNonNull(definition, "definition must not be null").accept(blueprint);
		return add(blueprint.toCreateTable());
	}

	/**
	 * Record changes to an existing table: added, dropped, renamed and changed columns,
	 * indexes and foreign keys, in the order they are defined. Each change is reversible
	 * or not on its own.
	 * @param table the table name
	 * @param changes defines the changes
	 * @return this schema
	 */
	public Schema table(String table, Consumer<Blueprint> changes) {
		Blueprint blueprint = new Blueprint(table, false);
		Objects.requireNonNull(changes, "changes must not be null").accept(blueprint);
		blueprint.toAlterOperations().forEach(this::add);
		return this;
	}

	/**
	 * Record dropping a table. Irreversible.
	 * @param table the table name
	 * @return this schema
	 */
	public Schema drop(String table) {
		return add(new TableOperation.DropTable(table, false));
	}

	/**
	 * Record dropping a table if it exists. Irreversible.
	 * @param table the table name
	 * @return this schema
	 */
	public Schema dropIfExists(String table) {
		return add(new TableOperation.DropTable(table, true));
	}

	/**
	 * Record renaming a table. Reversible: the inverse renames it back. Indexes and
	 * foreign keys keep their names.
	 * @param from the current name
	 * @param to the new name
	 * @return this schema
	 */
	public Schema rename(String from, String to) {
		return add(new TableOperation.RenameTable(from, to));
	}

	/**
	 * Record raw SQL. Irreversible. The text may hold several statements separated by
	 * {@code ;}; they are split by the standard rules of SQL migration files (quotes,
	 * comments, PostgreSQL dollar quotes), the same on every database, because the plan
	 * is recorded before the database is known. MySQL's backslash escapes in strings,
	 * {@code #} comments and {@code DELIMITER} are not understood: such SQL belongs in a
	 * {@code .sql} file.
	 * @param sql the SQL to execute
	 * @return this schema
	 * @throws IllegalArgumentException if the text cannot be split, for example an
	 * unterminated quote
	 */
	public Schema sql(String sql) {
		List<SqlStatement> statements;
		try {
			statements = SqlStatementSplitter.standard().split(sql);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " in schema.sql(...), which splits by the standard "
					+ "rules on every database (no MySQL backslash escapes, # comments or DELIMITER; write such SQL "
					+ "in a .sql file)", ex);
		}
		for (SqlStatement statement : statements) {
			add(new SqlOperation(statement.sql(), statement.canonical(), 0));
		}
		return this;
	}

	/**
	 * Record JDBC work that runs in order with the other operations, on the migration's
	 * connection. Irreversible.
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
