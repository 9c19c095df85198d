package dev.migrations.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a catalog reader gives constraints that their statement left unnamed: those
 * PostgreSQL would give them (for a table {@code books}: {@code books_pkey},
 * {@code books_title_key}, {@code books_author_id_fkey}, {@code books_check}), so that
 * the same migrations read the same whatever name the database chose, and alike on every
 * database.
 */
final class ConstraintNames {

	private ConstraintNames() {
	}

	/**
	 * Return the name of an unnamed constraint, in upper case when the table's name has
	 * no lower case letter (as H2 stores an unquoted one).
	 * @param table the table
	 * @param columns its columns, where the name has them
	 * @param suffix what kind of constraint it is: {@code pkey}, {@code key},
	 * {@code fkey}, {@code check}
	 * @return the name
	 */
	static String derived(String table, List<String> columns, String suffix) {
		StringBuilder name = new StringBuilder(table);
		for (String column : columns) {
			name.append('_').append(column);
		}
		boolean upperCase = table.equals(table.toUpperCase(Locale.ROOT));
		return name.append('_').append(upperCase ? suffix.toUpperCase(Locale.ROOT) : suffix).toString();
	}

	/**
	 * Return a name numbered from 1 where the table already has it, as PostgreSQL numbers
	 * its own ({@code books_check}, {@code books_check1}), and add it to the names taken.
	 * @param name the name
	 * @param taken the names the table's constraints have
	 * @return the name, numbered if need be
	 */
	static String unique(String name, Set<String> taken) {
		String candidate = name;
		for (int number = 1; !taken.add(candidate); number++) {
			candidate = name + number;
		}
		return candidate;
	}

}
