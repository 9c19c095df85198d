package dev.migrations.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.internal.PlaceholderValueMissing;
import org.jspecify.annotations.Nullable;

/**
 * The values that replace {@code ${name}} in SQL migration files. A name is made of
 * letters, digits, {@code _}, {@code .} and {@code -}; {@code ${...}} holding anything
 * else is not a placeholder and stays as written. Replacement happens in each statement
 * after the file is split, everywhere in it (string literals, dollar-quoted bodies and
 * comments included), so a value never ends or starts a statement; a file whose first
 * lines hold {@code -- migrations: no-placeholders} is run as written, and so is every
 * file when replacement is {@linkplain #disabled() off}. Checksums are computed over the
 * file as written, before replacement, so a value that differs per environment changes no
 * checksum. A placeholder without a value is an error naming the file and the
 * placeholder; the value of a placeholder never appears in an error. Immutable and
 * thread-safe.
 */
public final class Placeholders {

	private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "token", "key",
			"credential", "credentials");

	private static final List<String> SECRET_ENDINGS = List.of("password", "passwd", "secret", "token", "apikey");

	private static final Placeholders DISABLED = new Placeholders(Map.of(), false);

	private static final Placeholders NONE = new Placeholders(Map.of(), true);

	private final Map<String, String> values;

	private final boolean enabled;

	private Placeholders(Map<String, String> values, boolean enabled) {
		this.values = values;
		this.enabled = enabled;
	}

	/**
	 * Return placeholders with the given values, replacement on.
	 * @param values the value of each placeholder, by name
	 * @return the placeholders
	 * @throws MigrationDefinitionException if a name holds anything but letters, digits,
	 * {@code _}, {@code .} and {@code -}
	 */
	public static Placeholders of(Map<String, String> values) {
		if (values.isEmpty()) {
			return NONE;
		}
		Map<String, String> copy = new TreeMap<>();
		values.forEach((name, value) -> {
			if (name == null || !Syntax.NAME.matcher(name).matches()) {
				throw new MigrationDefinitionException("Placeholder name '" + name + "' is not valid: a name is made "
						+ "of letters, digits, '_', '.' and '-' (migrations.placeholders, --placeholder)");
			}
			if (value == null) {
				throw new MigrationDefinitionException("Placeholder " + name + " has no value");
			}
			copy.put(name, value);
		});
		return new Placeholders(copy, true);
	}

	/**
	 * Return placeholders that replace nothing: every file runs as written.
	 * @return the placeholders
	 */
	public static Placeholders disabled() {
		return DISABLED;
	}

	/**
	 * Return whether replacement is on.
	 * @return whether it is
	 */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * Return the values of the placeholders whose names say they are secret, which no
	 * message may carry: names holding {@code password}, {@code secret}, {@code token},
	 * {@code key} or {@code credential} as a word, between {@code _}, {@code .} and
	 * {@code -} or in camel case ({@code db.password}, {@code apiKey}), or a word ending
	 * in {@code password}, {@code passwd}, {@code secret}, {@code token} or
	 * {@code apikey} ({@code APIKEY}).
	 * @return the values
	 */
	public Set<String> secretValues() {
		if (this.values.isEmpty()) {
			return Set.of();
		}
		Set<String> secrets = new java.util.HashSet<>();
		this.values.forEach((name, value) -> {
			if (!value.isEmpty() && isSecretName(name)) {
				secrets.add(value);
			}
		});
		return secrets;
	}

	private static boolean isSecretName(String name) {
		for (String word : Syntax.WORD_BOUNDARY.split(name)) {
			String lowerCase = word.toLowerCase(Locale.ROOT);
			if (SECRET_WORDS.contains(lowerCase)) {
				return true;
			}
			for (String ending : SECRET_ENDINGS) {
				if (lowerCase.endsWith(ending)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Replace each placeholder of a statement by its value.
	 * @param sql the statement as written
	 * @param source the file the statement comes from, for the error
	 * @param line the line where the statement starts, for the error
	 * @return the statement with its placeholders replaced; as written when replacement
	 * is off
	 * @throws IllegalArgumentException if a placeholder has no value (a
	 * {@link PlaceholderValueMissing})
	 */
	public String replace(String sql, String source, int line) {
		if (!this.enabled || sql.indexOf("${") < 0) {
			return sql;
		}
		Matcher matcher = Syntax.PLACEHOLDER.matcher(sql);
		StringBuilder replaced = new StringBuilder(sql.length());
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = value(name);
			if (value == null) {
				// No ')' right after a value: a message masks "password=value)" whole
				throw new PlaceholderValueMissing("the statement at line " + line + " of " + source
						+ " uses the placeholder ${" + name + "}, which has no value. Nothing was changed. Set it with "
						+ "migrations.placeholders." + name + "=value or --placeholder " + name + "=value, or turn "
						+ "replacement off (migrations.placeholder-replacement=false, --no-placeholders, or "
						+ "\"-- migrations: no-placeholders\" as the file's first line) to run the file as written");
			}
			matcher.appendReplacement(replaced, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(replaced);
		return replaced.toString();
	}

	/**
	 * Return whether a script uses a placeholder that has no value, which
	 * {@link #replace} refuses; {@code false} when replacement is off.
	 * @param script the script as written
	 * @return whether it does
	 */
	boolean lacksValueIn(String script) {
		if (!this.enabled || script.indexOf("${") < 0) {
			return false;
		}
		Matcher matcher = Syntax.PLACEHOLDER.matcher(script);
		while (matcher.find()) {
			if (value(matcher.group(1)) == null) {
				return true;
			}
		}
		return false;
	}

	private @Nullable String value(String name) {
		String value = this.values.get(name);
		return (value != null) ? value : ignoringCase(name);
	}

	/**
	 * Return the value of the one placeholder whose name differs from the one written
	 * only in case, such as {@code upper} for {@code ${UPPER}}: environment variables
	 * reach Spring Boot's properties lower-cased.
	 */
	private @Nullable String ignoringCase(String name) {
		String found = null;
		for (Map.Entry<String, String> entry : this.values.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name)) {
				if (found != null) {
					return null;
				}
				found = entry.getValue();
			}
		}
		return found;
	}

	/**
	 * The patterns of names and placeholders, compiled when first used: a start without
	 * placeholders compiles neither.
	 */
	private static final class Syntax {

		static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

		static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

		/** Where a name's words meet: {@code _}, {@code .}, {@code -}, or camel case. */
		static final Pattern WORD_BOUNDARY = Pattern.compile("[_.-]|(?<=[a-z0-9])(?=[A-Z])");

	}

}
