package dev.migrations.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in text that is printed, logged or returned, such as a driver's error
 * message that quotes the JDBC URL: {@code password=...} and similar key-value pairs,
 * {@code //user:password@host} and Oracle's {@code user/password@host}. Thread-safe.
 */
public final class Credentials {

	private static final String MASK = "******";

	private static final Pattern KEY_VALUE = Pattern
		.compile("(?i)((?:password|passwd|pwd|secret|token|credentials?)\\s*[=:]\\s*)[^&;,\\s'\"]+");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^/@\\s]+@");

	private static final Pattern ORACLE_USER_PASSWORD = Pattern
		.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/:@\\s]+/)[^@\\s]+@");

	private Credentials() {
	}

	/**
	 * Mask the credentials in a text.
	 * @param text the text, or {@code null}
	 * @return the text with every credential replaced by {@code ******}, or {@code null}
	 */
	public static @Nullable String mask(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String masked = KEY_VALUE.matcher(text).replaceAll("$1" + MASK);
		masked = USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
		return ORACLE_USER_PASSWORD.matcher(masked).replaceAll("$1" + MASK + "@");
	}

}
