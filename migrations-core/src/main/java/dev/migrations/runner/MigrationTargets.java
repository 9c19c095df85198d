package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.dialect.Dialects;

/**
 * Lists the targets of a {@link MigrationFleet}, again for every run, so that a tenant
 * added since the last run is among them: fixed schemas, the schemas whose names match a
 * pattern, or anything an application reads, such as its tenants table. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface MigrationTargets {

	/**
	 * List the targets.
	 * @param connection a connection to the fleet's database (the template runner's),
	 * opened and closed by the fleet, for reading its catalog or a tenants table
	 * @return the targets, in the order their results are listed
	 * @throws SQLException on a database error
	 */
	List<MigrationTarget> list(Connection connection) throws SQLException;

	/**
	 * Fixed schemas of the fleet's database (on MySQL and MariaDB, databases).
	 * @param schemas the schemas' names, plain identifiers
	 * @return the targets
	 * @throws MigrationDefinitionException if a name is not a plain identifier
	 */
	static MigrationTargets schemas(String... schemas) {
		List<MigrationTarget> targets = Arrays.stream(schemas).map(MigrationTarget::schema).toList();
		return (connection) -> targets;
	}

	/**
	 * The schemas of the fleet's database (on MySQL and MariaDB, the databases of its
	 * server) whose names match a SQL {@code LIKE} pattern, read from the catalog at each
	 * run, in name order; the database's own schemas ({@code information_schema},
	 * {@code pg_catalog}, {@code mysql}, ...) never match.
	 * @param pattern the pattern, such as {@code tenant_%}: letters, digits, underscores
	 * (any one character) and {@code %} (any characters)
	 * @return the targets
	 * @throws MigrationDefinitionException if the pattern holds anything else
	 */
	static MigrationTargets schemasLike(String pattern) {
		String checked = checkPattern(pattern);
		return (connection) -> Dialects.detect(connection)
			.schemas(connection, checked)
			.stream()
			.map(MigrationTarget::schema)
			.toList();
	}

	private static String checkPattern(String pattern) {
		if (pattern == null || !pattern.matches("[A-Za-z0-9_%]{1,64}")) {
			throw new MigrationDefinitionException("Invalid schema pattern '" + pattern + "': a pattern is a SQL "
					+ "LIKE pattern of letters, digits, underscores and %, such as tenant_%, at most 64 characters");
		}
		return pattern;
	}

}
