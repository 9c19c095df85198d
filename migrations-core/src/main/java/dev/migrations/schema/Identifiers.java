package dev.migrations.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation of the identifiers given to the schema builder, and the deterministic names
 * of indexes and foreign keys.
 */
final class Identifiers {

	/** The longest identifier accepted: PostgreSQL truncates longer ones silently. */
	static final int MAX_LENGTH = 63;

	/** The longest generated name; longer ones are shortened with a hash suffix. */
	static final int MAX_GENERATED_LENGTH = 60;

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private Identifiers() {
	}

	static String check(String identifier, String what) {
		if (identifier == null || !IDENTIFIER.matcher(identifier).matches() || identifier.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("Invalid " + what + " name '" + identifier
					+ "': use letters, digits and underscores, starting with a letter or underscore, at most "
					+ MAX_LENGTH + " characters");
		}
		return identifier;
	}

	static List<String> checkAll(List<String> identifiers, String what) {
		if (identifiers.isEmpty()) {
			throw new IllegalArgumentException("At least one " + what + " is required");
		}
		identifiers.forEach((identifier) -> check(identifier, what));
		if (identifiers.stream().distinct().count() != identifiers.size()) {
			throw new IllegalArgumentException("Duplicate " + what + " in " + identifiers);
		}
		return List.copyOf(identifiers);
	}

	/**
	 * Return the default name of an index, unique index or foreign key:
	 * {@code TABLE_COLUMN1_COLUMN2_SUFFIX}, shortened to {@value #MAX_GENERATED_LENGTH}
	 * characters with a hash of the full name when longer.
	 */
	static String generatedName(String table, List<String> columns, String suffix) {
		String name = table + "_" + String.join("_", columns) + "_" + suffix;
		if (name.length() <= MAX_GENERATED_LENGTH) {
			return name;
		}
		String hash = sha256(name).substring(0, 8);
		return name.substring(0, MAX_GENERATED_LENGTH - hash.length() - 1) + "_" + hash;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Return the SQL-style quoted form of a string for canonical text: {@code 'it''s'}.
	 */
	static String quoted(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
