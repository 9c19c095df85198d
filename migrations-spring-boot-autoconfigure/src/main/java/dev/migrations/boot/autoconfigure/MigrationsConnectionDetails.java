package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The JDBC connection that migrations open for themselves, as a Spring Boot
 * {@link ConnectionDetails}: Testcontainers' {@code @ServiceConnection} on a JDBC
 * container and Docker Compose's database services supply one, and an application may
 * declare its own bean. When such a bean exists, the auto-configured runner migrates
 * through a connection of its own to that database, in place of {@code migrations.url},
 * {@code migrations.user} and {@code migrations.password}, of a
 * {@link MigrationsDataSource @MigrationsDataSource} bean and of the application's
 * DataSource; {@code migrations.url} alone makes one from the properties. An application
 * without any DataSource (R2DBC only, for example) can migrate through it. The runners of
 * {@code migrations.instances} do not use it. Implementations should be thread-safe.
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

	/**
	 * Return the JDBC URL of the database to migrate.
	 * @return the JDBC URL
	 */
	String getJdbcUrl();

	/**
	 * Return the user to log in as, or {@code null} when the URL names it or the driver
	 * needs none.
	 * @return the user, or {@code null}
	 */
	@Nullable String getUsername();

	/**
	 * Return the password of the user, or {@code null} when there is none. It is never
	 * logged or shown in an error.
	 * @return the password, or {@code null}
	 */
	@Nullable String getPassword();

	/**
	 * Return the class name of the JDBC driver. Defaults to the driver that Spring Boot
	 * knows for the database the URL names, or {@code null} when it knows none, in which
	 * case the driver that accepts the URL is used.
	 * @return the class name of the driver, or {@code null}
	 * @see DatabaseDriver#fromJdbcUrl(String)
	 */
	default @Nullable String getDriverClassName() {
		String url = getJdbcUrl();
		return url.startsWith("jdbc:") ? DatabaseDriver.fromJdbcUrl(url).getDriverClassName() : null;
	}

}
