package dev.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * One operation recorded on a {@link Schema}. Operations are immutable values: they are
 * rendered to SQL by a dialect, described in a dialect-neutral canonical form for the
 * checksum, and may know their own inverse.
 */
public interface SchemaOperation {

	/**
	 * Return the dialect-neutral text of this operation that the migration's checksum is
	 * computed from.
	 * @return the canonical text
	 */
	String canonical();

	/**
	 * Return the operation that undoes this one, or {@code null} when it cannot be undone
	 * automatically.
	 * @return the inverse or {@code null}
	 */
	default @Nullable SchemaOperation inverse() {
		return null;
	}

	/**
	 * Return a short description for messages, such as {@code "sql statement"}.
	 * @return the description
	 */
	String describe();

}
