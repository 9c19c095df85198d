package dev.migrations.command;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;

import dev.migrations.Credentials;

/**
 * Loads the JDBC driver a user names: a driver added to the class path whose jar does not
 * announce it is found this way, as Spring Boot's {@code driver-class-name} finds one.
 */
final class JdbcDrivers {

	private JdbcDrivers() {
	}

	/**
	 * Load a driver and register it unless it registered itself.
	 * @param className the driver's class
	 * @param url the URL it must accept
	 * @param classLoader where the class is looked for
	 * @param where the setting, as errors name it
	 * @throws CommandLineUsageException when the class is not there, is no driver, or
	 * does not take the URL
	 */
	static void load(String className, String url, ClassLoader classLoader, String where) {
		String origin = " (" + where + ")";
		Class<?> type;
		try {
			type = Class.forName(className, true, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new CommandLineUsageException("No class " + className + " is on the class path" + origin
					+ ": name the driver of the database, such as org.postgresql.Driver, and add its jar to the "
					+ "class path");
		}
		if (!Driver.class.isAssignableFrom(type)) {
			throw new CommandLineUsageException(
					className + " is not a JDBC driver" + origin + ": name a class that implements java.sql.Driver");
		}
		try {
			Driver driver = (Driver) type.getDeclaredConstructor().newInstance();
			if (!driver.acceptsURL(url)) {
				throw new CommandLineUsageException(
						"The driver " + className + origin + " does not accept '" + Credentials.mask(url) + "'");
			}
			if (DriverManager.drivers().noneMatch(type::isInstance)) {
				DriverManager.registerDriver(driver);
			}
		}
		catch (ReflectiveOperationException | SQLException ex) {
			throw new CommandLineUsageException(
					"The driver " + className + origin + " could not be created: " + ex.getMessage());
		}
	}

}
