package dev.migrations;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in text that is printed, logged or returned, such as a driver's error
 * message that quotes the JDBC URL: {@code password=...} and similar key-value pairs,
 * {@code //user:password@host} and Oracle's {@code user/password@host}, and every known
 * secret, such as the configured password, where it stands as a whole token. The one
 * masking of every front end and of the runner's own messages. Thread-safe.
 */
public final class Credentials {

	private static final String MASK = "******";

	/**
	 * The words that start a key whose value {@link Patterns} take for a credential.
	 */
	private static final List<String> KEY_WORDS = List.of("passw", "pwd", "secret", "token", "credential");

	private Credentials() {
	}

	/**
	 * Return the passwords a JDBC URL carries ({@code //user:password@host},
	 * {@code password=...}), so that they can be masked wherever a driver quotes them out
	 * of context, such as MariaDB's "Incorrect port value : secret@host".
	 * @param url the URL, or {@code null}
	 * @return the passwords
	 */
	public static List<String> secretsIn(@Nullable String url) {
		List<String> secrets = new ArrayList<>();
		if (url != null && mayHoldCredential(url)) {
			for (Pattern pattern : List.of(Patterns.USER_INFO_SECRET, Patterns.KEY_VALUE_SECRET)) {
				Matcher matcher = pattern.matcher(url);
				while (matcher.find()) {
					secrets.add(matcher.group(1));
				}
			}
		}
		return secrets;
	}

	/**
	 * Mask the credentials in a text, and every known secret (such as the configured
	 * password) where it stands as a whole token: not where it is only part of a word, so
	 * that a one-character password does not garble every message.
	 * @param text the text, or {@code null}
	 * @param secrets the secrets
	 * @return the masked text, or {@code null}
	 */
	public static @Nullable String mask(@Nullable String text, Collection<String> secrets) {
		if (text == null) {
			return null;
		}
		String masked = text;
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				masked = maskToken(masked, secret);
			}
		}
		return mask(masked);
	}

	private static String maskToken(String text, String secret) {
		StringBuilder masked = null;
		int copied = 0;
		for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + secret.length())) {
			int end = at + secret.length();
			boolean wholeToken = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
					&& (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
			if (wholeToken) {
				masked = (masked != null) ? masked : new StringBuilder(text.length());
				masked.append(text, copied, at).append(MASK);
				copied = end;
			}
		}
		return (masked != null) ? masked.append(text, copied, text.length()).toString() : text;
	}

	/**
	 * Mask the credentials in a driver's failure, its causes and its suppressed failures,
	 * as a stack trace prints them all. A failure that carries none is returned as it is;
	 * otherwise a copy with the same SQLState, error code and stack traces, whose causes
	 * print under their own class names.
	 * @param failure the failure
	 * @param secrets the secrets
	 * @return the failure, or its masked copy
	 */
	public static SQLException maskFailure(SQLException failure, Collection<String> secrets) {
		return carriesCredential(failure, secrets, Collections.newSetFromMap(new IdentityHashMap<>()))
				? new MaskedFailure(failure, secrets, Collections.newSetFromMap(new IdentityHashMap<>())) : failure;
	}

	private static boolean carriesCredential(Throwable failure, Collection<String> secrets, Set<Throwable> seen) {
		if (!seen.add(failure)) {
			return false;
		}
		String message = failure.getMessage();
		if (message != null && !message.equals(mask(message, secrets))) {
			return true;
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (carriesCredential(suppressed, secrets, seen)) {
				return true;
			}
		}
		return failure.getCause() != null && carriesCredential(failure.getCause(), secrets, seen);
	}

	/**
	 * Mask the credentials in a text.
	 * @param text the text, or {@code null}
	 * @return the text with every credential replaced by {@code ******}, or {@code null}
	 */
	public static @Nullable String mask(@Nullable String text) {
		if (text == null || !mayHoldCredential(text)) {
			return text;
		}
		String masked = Patterns.KEY_VALUE.matcher(text).replaceAll("$1" + MASK);
		masked = Patterns.USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
		return Patterns.ORACLE_USER_PASSWORD.matcher(masked).replaceAll("$1" + MASK + "@");
	}

	/**
	 * Whether a text can hold a credential that the patterns find: each needs a user-info
	 * {@code @} or one of the key words. Most texts have neither, and are then returned
	 * without compiling a pattern.
	 */
	private static boolean mayHoldCredential(String text) {
		if (text.indexOf('@') >= 0) {
			return true;
		}
		String lowerCase = text.toLowerCase(Locale.ROOT);
		for (String word : KEY_WORDS) {
			if (lowerCase.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The patterns of credentials, compiled when a text first may hold one.
	 */
	private static final class Patterns {

		/**
		 * A key and its value; not MySQL's and MariaDB's "(using password: YES)", which
		 * says only whether a password was sent.
		 */
		private static final Pattern KEY_VALUE = Pattern.compile(
				"(?i)((?:password|passwd|pwd|secret|token|credentials?)\\s*[=:]\\s*)(?!(?:YES|NO)\\))[^&;,\\s'\"]+");

		private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^/@\\s]+@");

		private static final Pattern ORACLE_USER_PASSWORD = Pattern
			.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/:@\\s]+/)[^@\\s]+@");

		private static final Pattern USER_INFO_SECRET = Pattern.compile("//[^/:@\\s]+:([^/@\\s]+)@");

		private static final Pattern KEY_VALUE_SECRET = Pattern
			.compile("(?i)(?:password|passwd|pwd)\\s*=\\s*([^&;,\\s'\"]+)");

	}

	/**
	 * A failure with its message masked, which prints as the failure it copies does.
	 */
	private static final class MaskedFailure extends SQLException {

		private final String type;

		MaskedFailure(Throwable failure, Collection<String> secrets, Set<Throwable> copied) {
			super(mask(failure.getMessage(), secrets),
					(failure instanceof SQLException sqlException) ? sqlException.getSQLState() : null,
					(failure instanceof SQLException sqlException) ? sqlException.getErrorCode() : 0);
			copied.add(failure);
			this.type = failure.getClass().getName();
			setStackTrace(failure.getStackTrace());
			Throwable cause = failure.getCause();
			if (cause != null && !copied.contains(cause)) {
				initCause(new MaskedFailure(cause, secrets, copied));
			}
			for (Throwable suppressed : failure.getSuppressed()) {
				if (!copied.contains(suppressed)) {
					addSuppressed(new MaskedFailure(suppressed, secrets, copied));
				}
			}
		}

		@Override
		public String toString() {
			String message = getLocalizedMessage();
			return (message != null) ? this.type + ": " + message : this.type;
		}

	}

}
