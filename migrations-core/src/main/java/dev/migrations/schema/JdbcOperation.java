package dev.migrations.schema;

/**
 * An opaque {@link JdbcWork} step. A dry run shows it as a comment naming its owner.
 *
 * @param work the work to run
 * @param owner the class that recorded it, for messages and dry runs
 */
public record JdbcOperation(JdbcWork work, String owner) implements SchemaOperation {

	@Override
	public String canonical() {
		return "jdbc " + this.owner;
	}

	@Override
	public String describe() {
		return "jdbc step of " + this.owner;
	}

}
