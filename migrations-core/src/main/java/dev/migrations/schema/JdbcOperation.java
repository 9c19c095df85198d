package dev.migrations.schema;

/**
 * An opaque {@link JdbcWork} step. A dry run shows it as a comment naming its owner.
 *
 * @param work the work to run
 * @param owner the class that recorded it, for messages and dry runs
 */
public record JdbcOperation(JdbcWork work, String owner) implements SchemaOperation {

	/**
	 * Return {@code jdbc}: the code of the work cannot be hashed, and its owner's class
	 * name is not stable for lambdas, so only the step's position counts in the checksum.
	 * @return the canonical text
	 */
	@Override
	public String canonical() {
		return "jdbc";
	}

	@Override
	public String describe() {
		return "jdbc step of " + this.owner;
	}

}
