package dev.migrations.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * SQLite: transactional DDL; the lock is a lease row. SQLite has no schemas other than
 * attached databases.
 */
public class SqliteDialect extends TableRenderingDialect {

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	/**
	 * Read through a UTC calendar: the driver returns a {@code LocalDateTime} in the
	 * JVM's time zone, not in the one the value was written in.
	 */
	@Override
	public Instant readUtcTimestamp(ResultSet rows, int column) throws SQLException {
		return rows.getTimestamp(column, utc()).toInstant();
	}

	@Override
	public void writeUtcTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setTimestamp(index, Timestamp.from(instant), utc());
	}

	private static Calendar utc() {
		return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
	}

	@Override
	TableRenderer tableRenderer() {
		return new SqliteTableRenderer(this);
	}

}
