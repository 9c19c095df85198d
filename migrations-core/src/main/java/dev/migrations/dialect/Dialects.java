package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import dev.migrations.internal.Jdbc;

/**
 * Finds the dialect of a database from its JDBC metadata.
 */
public final class Dialects {

	private Dialects() {
	}

	/**
	 * Detect the dialect of the database behind a connection.
	 * @param connection the connection
	 * @return the dialect, {@link GenericDialect} for an unknown database
	 * @throws SQLException on a database error
	 */
	public static Dialect detect(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String product = metaData.getDatabaseProductName();
		String version = metaData.getDatabaseProductVersion();
		Dialect dialect = forProduct(product, version);
		return (dialect instanceof H2Dialect) ? H2Dialect.of(metaData) : dialect;
	}

	/**
	 * Detect the dialect of the database behind a data source, on a connection of its
	 * own.
	 * @param dataSource the data source
	 * @return the dialect, {@link GenericDialect} for an unknown database
	 * @throws dev.migrations.MigrationException when no connection opens or the metadata
	 * cannot be read
	 */
	public static Dialect detect(DataSource dataSource) {
		return Jdbc.withConnection(dataSource, Dialects::detect);
	}

	/**
	 * Return the dialect for a database product name as JDBC reports it.
	 * @param product the product name, such as {@code PostgreSQL}
	 * @param version the product version, which tells MariaDB from MySQL behind MySQL
	 * drivers
	 * @return the dialect
	 */
	public static Dialect forProduct(String product, String version) {
		String name = (product != null) ? product.toLowerCase(Locale.ROOT) : "";
		if (name.contains("postgresql")) {
			return new PostgresDialect();
		}
		if (name.contains("mariadb") || (name.contains("mysql") && version != null
				&& version.toLowerCase(Locale.ROOT).contains("mariadb"))) {
			return new MariaDbDialect();
		}
		if (name.contains("mysql")) {
			return new MySqlDialect();
		}
		if (name.equals("h2")) {
			return new H2Dialect();
		}
		if (name.contains("sqlite")) {
			return new SqliteDialect();
		}
		return new GenericDialect(product);
	}

}
