package dev.migrations;

/**
 * The identity of a migration: a 14-digit UTC timestamp and a snake_case slug, written
 * {@code m_20241201000000_create_users_table}. The {@code m_} prefix is optional when
 * parsing and always present in {@link #toString()}. Ids are ordered by timestamp, then
 * slug. Instances are immutable and thread-safe.
 */
public final class MigrationId implements Comparable<MigrationId> {

	static final String EXPECTED_FORM = "m_YYYYMMDDHHMMSS_snake_case_name, for example m_20241201000000_create_users_table";

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
		String body = (text != null && text.startsWith("m_")) ? text.substring(2) : text;
		if (body == null || body.length() < 16 || body.charAt(14) != '_' || !isDigits(body, 14) || !isSlug(body, 15)) {
			throw new MigrationDefinitionException("Malformed migration id '" + text + "': expected " + EXPECTED_FORM
					+ " (the m_ prefix is optional)");
		}
		String timestamp = body.substring(0, 14);
		if (!isValidTimestamp(timestamp)) {
			throw new MigrationDefinitionException("Malformed migration id '" + text + "': " + timestamp
					+ " is not a valid UTC timestamp YYYYMMDDHHMMSS; expected " + EXPECTED_FORM);
		}
		return new MigrationId(timestamp, body.substring(15));
	}

	private static boolean isDigits(String text, int length) {
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the text from {@code start} is lower-case words of letters and digits
	 * joined by single underscores.
	 */
	private static boolean isSlug(String text, int start) {
		boolean afterUnderscore = true;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '_') {
				if (afterUnderscore) {
					return false;
				}
				afterUnderscore = true;
			}
			else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				afterUnderscore = false;
			}
			else {
				return false;
			}
		}
		return !afterUnderscore;
	}

	private static boolean isValidTimestamp(String timestamp) {
		int year = Integer.parseInt(timestamp, 0, 4, 10);
		int month = Integer.parseInt(timestamp, 4, 6, 10);
		int day = Integer.parseInt(timestamp, 6, 8, 10);
		int hour = Integer.parseInt(timestamp, 8, 10, 10);
		int minute = Integer.parseInt(timestamp, 10, 12, 10);
		int second = Integer.parseInt(timestamp, 12, 14, 10);
		return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour < 24 && minute < 60
				&& second < 60;
	}

	private static int daysIn(int year, int month) {
		if (month == 2) {
			boolean leap = (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
			return leap ? 29 : 28;
		}
		return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
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
		int byTimestamp = this.timestamp.compareTo(other.timestamp);
		return (byTimestamp != 0) ? byTimestamp : this.slug.compareTo(other.slug);
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
