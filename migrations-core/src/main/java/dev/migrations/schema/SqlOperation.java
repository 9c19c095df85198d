package dev.migrations.schema;

/**
 * One SQL statement, executed as written.
 *
 * @param sql the statement as written, without its delimiter
 * @param canonical the statement with comments removed and whitespace collapsed
 * @param line the line of the script where it starts, or 0 when it comes from Java
 */
public record SqlOperation(String sql, String canonical, int line) implements SchemaOperation {

	@Override
	public String describe() {
		return (this.line > 0) ? "sql statement at line " + this.line : "sql statement";
	}

}
