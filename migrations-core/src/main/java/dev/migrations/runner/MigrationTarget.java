package dev.migrations.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrations.Credentials;
import dev.migrations.JdbcUrlDataSource;
import dev.migrations.MigrationDefinitionException;
import org.jspecify.annotations.Nullable;

/**
 * One target of a {@link MigrationFleet}: a schema of the fleet's database (on MySQL and
 * MariaDB, a database of its server), whose ledger lives in that schema and whose
 * migrations run with it as the session's default schema; or a whole database of its own.
 * Immutable and thread-safe.
 */
public final class MigrationTarget {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,59}");

	private final String name;

	private final @Nullable String schema;

	private final @Nullable DataSource dataSource;

	private final List<String> secrets;

	private MigrationTarget(String name, @Nullable String schema, @Nullable DataSource dataSource,
			List<String> secrets) {
		this.name = name;
		this.schema = schema;
		this.dataSource = dataSource;
		this.secrets = secrets;
	}

	/**
	 * A schema of the fleet's database (on MySQL and MariaDB, a database on the same
	 * server), named after it.
	 * @param schema the schema's name: letters, digits and underscores, starting with a
	 * letter or an underscore, at most 60 characters
	 * @return the target
	 * @throws MigrationDefinitionException if the name is not such a plain identifier
	 */
	public static MigrationTarget schema(String schema) {
		return new MigrationTarget(checkSchema(schema), schema, null, List.of());
	}

	/**
	 * A database of its own, its ledger where the fleet's template keeps it. Its dialect
	 * must be the template's: the same migrations are run on it. It is connected to as
	 * the template is: the first connection tried again as set by {@code connectRetries},
	 * the template's init SQL run on each connection.
	 * @param name the name shown in results, such as the tenant's
	 * @param dataSource the database
	 * @return the target
	 */
	public static MigrationTarget database(String name, DataSource dataSource) {
		return new MigrationTarget(checkName(name), null,
				Objects.requireNonNull(dataSource, "dataSource must not be null"), List.of());
	}

	/**
	 * A database of its own, given by its JDBC URL, connected to without a pool. The
	 * password, and any the URL carries, never appear in results, logs or exceptions.
	 * @param name the name shown in results, such as the tenant's
	 * @param url the JDBC URL
	 * @param user the user, or {@code null} for the URL's or the driver's
	 * @param password the password, or {@code null}
	 * @return the target
	 */
	public static MigrationTarget url(String name, String url, @Nullable String user, @Nullable String password) {
		Objects.requireNonNull(url, "url must not be null");
		List<String> secrets = new ArrayList<>(Credentials.secretsIn(url));
		if (password != null && !password.isEmpty()) {
			secrets.add(password);
		}
		return new MigrationTarget(checkName(name), null, new JdbcUrlDataSource(url, user, password),
				List.copyOf(secrets));
	}

	/**
	 * Return the target's name: its schema's, or the one it was given.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the schema of the fleet's database this target is, if it is one.
	 * @return the schema, or {@code null} for a database of its own
	 */
	public @Nullable String schema() {
		return this.schema;
	}

	/**
	 * Return the database of this target, if it has one of its own.
	 * @return the data source, or {@code null} for a schema of the fleet's database
	 */
	@Nullable DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Return the values that nothing said about this target may carry.
	 */
	List<String> secrets() {
		return this.secrets;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof MigrationTarget target && this.name.equals(target.name)
				&& Objects.equals(this.schema, target.schema) && this.dataSource == target.dataSource;
	}

	@Override
	public int hashCode() {
		return this.name.hashCode();
	}

	@Override
	public String toString() {
		return (this.schema != null) ? "schema " + this.schema : "database " + this.name;
	}

	private static String checkSchema(String schema) {
		if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
			throw new MigrationDefinitionException("Invalid schema name '" + schema + "' for a fleet target: use "
					+ "letters, digits and underscores, starting with a letter or underscore, at most 60 characters");
		}
		return schema;
	}

	private static String checkName(String name) {
		if (name == null || name.isBlank()) {
			throw new MigrationDefinitionException("A fleet target needs a name, such as its tenant's");
		}
		return name;
	}

}
