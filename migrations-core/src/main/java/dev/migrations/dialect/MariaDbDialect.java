package dev.migrations.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * MariaDB: as MySQL, with the catalog as MariaDB's {@code information_schema} writes it.
 */
class MariaDbDialect extends MySqlDialect {

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

	@Override
	public String name() {
		return "mariadb";
	}

	@Override
	TableRenderer tableRenderer() {
		return new MariaDbTableRenderer(this);
	}

	@Override
	MySqlCatalogReader catalogReader() {
		return MySqlCatalogReader.mariadb();
	}

	/**
	 * Write the timestamp as text, which the server reads with its fraction: MySQL
	 * Connector/J takes MariaDB for MySQL 5.5 (MariaDB reports itself as
	 * {@code 5.5.5-10.11.x-MariaDB} to MySQL clients) and drops the fractional seconds of
	 * a temporal parameter, as MySQL before 5.6.4 has none.
	 */
	@Override
	public void writeUtcTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setString(index, DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
	}

}
