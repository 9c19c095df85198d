package dev.migrations.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An object a database has of its own beyond tables and views, known by its kind, its
 * name and a hash of its definition. Immutable.
 *
 * @param kind what it is
 * @param name its name; for a trigger, {@code table.trigger}; for a function, its name
 * and argument types, {@code add(integer, integer)}
 * @param definitionHash the SHA-256 of its definition as the database writes it back, in
 * hex
 */
public record SchemaObject(Kind kind, String name, String definitionHash) {

	/**
	 * Return an object with the hash of its definition.
	 * @param kind what it is
	 * @param name its name
	 * @param definition its definition as the database writes it back
	 * @return the object
	 */
	public static SchemaObject of(Kind kind, String name, String definition) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(definition.strip().getBytes(StandardCharsets.UTF_8));
			return new SchemaObject(kind, name, HexFormat.of().formatHex(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * The kinds of objects.
	 */
	public enum Kind {

		/** A sequence (PostgreSQL, MariaDB, H2). */
		SEQUENCE,

		/** An enum type (PostgreSQL). */
		ENUM,

		/** A domain (PostgreSQL, H2). */
		DOMAIN,

		/** A composite type (PostgreSQL). */
		TYPE,

		/** A function. */
		FUNCTION,

		/** A procedure. */
		PROCEDURE,

		/** A trigger. */
		TRIGGER,

		/** A materialized view (PostgreSQL). */
		MATERIALIZED_VIEW,

		/** A foreign table (PostgreSQL). */
		FOREIGN_TABLE,

		/** A scheduled event (MySQL, MariaDB). */
		EVENT

	}

}
