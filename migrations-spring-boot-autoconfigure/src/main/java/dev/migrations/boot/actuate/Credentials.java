package dev.migrations.boot.actuate;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in text that reaches a response, such as a database's error message
 * that quotes a JDBC URL.
 */
final class Credentials {

	private static final String MASK = "******";

	private static final Pattern KEY_VALUE = Pattern
		.compile("(?i)((?:password|passwd|pwd|secret|token|credentials?)\\s*[=:]\\s*)[^&;,\\s'\"]+");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^/@\\s]+@");

	private Credentials() {
	}

	static @Nullable String mask(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String masked = KEY_VALUE.matcher(text).replaceAll("$1" + MASK);
		return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
	}

}
