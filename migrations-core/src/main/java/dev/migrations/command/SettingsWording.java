package dev.migrations.command;

/**
 * How a front end names its settings and its drivers in the errors of
 * {@link ConnectionSettings}: the standalone jar speaks of options and environment
 * variables, the Maven plugin of parameters and properties. Implementations are
 * stateless.
 */
public interface SettingsWording {

	/**
	 * Say where a setting is given.
	 * @param setting the setting: {@code url}, {@code shadow-url}, {@code table} or
	 * {@code locations}
	 * @return for example {@code --url or MIGRATIONS_URL}
	 */
	String origin(String setting);

	/**
	 * Say what holds the drivers.
	 * @return for example {@code this jar}
	 */
	String drivers();

	/**
	 * Say how to add a driver.
	 * @return for example the drivers the jar has
	 */
	String addDriver();

	/**
	 * Say what to do when a {@code classpath:} location is not there, after
	 * {@code is not on the class path}.
	 * @param path the location's path, such as {@code db/migrations}
	 * @return for example {@code . For a directory, write filesystem:db/migrations}
	 */
	String notOnClassPath(String path);

}
