package dev.migrations.conformance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * The triggers of the H2 scripts of the real-SQL suite
 * ({@code src/test/resources/realsql/h2}): H2 triggers are Java classes, which a script
 * names in {@code CREATE TRIGGER ... CALL}.
 */
public final class H2RentalTriggers {

	private H2RentalTriggers() {
	}

	/**
	 * After a rental is inserted, counts it on its customer.
	 */
	public static final class RentalCounted implements Trigger {

		@Override
		public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE customer SET rental_count = rental_count + 1 WHERE customer_id = ?")) {
				update.setObject(1, newRow[3]);
				update.executeUpdate();
			}
		}

	}

	/**
	 * After a film's rental rate changes, logs the old and the new rate.
	 */
	public static final class FilmRepriced implements Trigger {

		@Override
		public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
			BigDecimal before = (BigDecimal) oldRow[5];
			BigDecimal after = (BigDecimal) newRow[5];
			if (before.compareTo(after) != 0) {
				try (PreparedStatement insert = connection
					.prepareStatement("INSERT INTO film_log (film_id, note) VALUES (?, ?)")) {
					insert.setObject(1, newRow[0]);
					insert.setString(2, "rate " + before + " -> " + after + "; was \"" + oldRow[1] + "\"");
					insert.executeUpdate();
				}
			}
		}

	}

}
