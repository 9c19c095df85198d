package dev.migrations;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of a migration: a 14-digit UTC timestamp and a snake_case slug, written
 * {@code m_20241201000000_create_users_table}. The {@code m_} prefix is optional when
 * parsing and always present in {@link #toString()}. Ids are ordered by timestamp, then
 * slug. Instances are immutable and thread-safe.
 */
public final class MigrationId implements Comparable<MigrationId> {

	static final String EXPECTED_FORM = "m_YYYYMMDDHHMMSS_snake_case_name, for example m_20241201000000_create_users_table";

	private static final Pattern PATTERN = Pattern.compile("(?:m_)?(\\d{14})_([a-z0-9]+(?:_[a-z0-9]+)*)");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Comparator<MigrationId> ORDER = Comparator.comparing(MigrationId::timestamp)
		.thenComparing(MigrationId::slug);

	private final String timestamp;

	private final String slug;

	private MigrationId(String timestamp, String slug) {
		this.timestamp = timestamp;
		this.slug = slug;
	}

	/**
	 * Parse an id such as {@code m_20241201000000_create_users_table} or
	 * {@code 20241201000000_create_users_table}.
	 * @param text the id
	 * @return the parsed id
	 * @throws MigrationDefinitionException if the text is not of the expected form
	 */
	public static MigrationId parse(String text) {
		Matcher matcher = PATTERN.matcher((text != null) ? text : "");
		if (!matcher.matches()) {
			throw new MigrationDefinitionException("Malformed migration id '" + text + "': expected " + EXPECTED_FORM
					+ " (the m_ prefix is optional)");
		}
		String timestamp = matcher.group(1);
		try {
			LocalDateTime.parse(timestamp, TIMESTAMP);
		}
		catch (DateTimeParseException ex) {
			throw new MigrationDefinitionException("Malformed migration id '" + text + "': " + timestamp
					+ " is not a valid UTC timestamp YYYYMMDDHHMMSS; expected " + EXPECTED_FORM);
		}
		return new MigrationId(timestamp, matcher.group(2));
	}

	/**
	 * Return the 14-digit UTC timestamp, {@code YYYYMMDDHHMMSS}.
	 * @return the timestamp
	 */
	public String timestamp() {
		return this.timestamp;
	}

	/**
	 * Return the snake_case name that follows the timestamp.
	 * @return the slug
	 */
	public String slug() {
		return this.slug;
	}

	@Override
	public int compareTo(MigrationId other) {
		return ORDER.compare(this, other);
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof MigrationId other) && this.timestamp.equals(other.timestamp)
				&& this.slug.equals(other.slug);
	}

	@Override
	public int hashCode() {
		return 31 * this.timestamp.hashCode() + this.slug.hashCode();
	}

	@Override
	public String toString() {
		return "m_" + this.timestamp + "_" + this.slug;
	}

}
