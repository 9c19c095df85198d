package dev.migrations.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in text that reaches a response, a log line or an error message, such
 * as a JDBC URL or a database's error message that quotes one. Thread-safe.
 */
public final class Credentials {

	private static final String MASK = "******";

	private static final Pattern KEY_VALUE = Pattern
		.compile("(?i)((?:password|passwd|pwd|secret|token|credentials?)\\s*[=:]\\s*)[^&;,\\s'\"]+");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^/@\\s]+@");

	private Credentials() {
	}

	/**
	 * Mask the passwords, secrets and tokens in a text, and the password in the user
	 * information of a URL ({@code //user:password@host}).
	 * @param text the text, or {@code null}
	 * @return the masked text, or {@code null}
	 */
	public static @Nullable String mask(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String masked = KEY_VALUE.matcher(text).replaceAll("$1" + MASK);
		return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
	}

}
