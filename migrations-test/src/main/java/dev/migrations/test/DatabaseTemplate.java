package dev.migrations.test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.migrations.Credentials;
import dev.migrations.MigrationEntry;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.JavaMigrationSource;
import org.jspecify.annotations.Nullable;

/**
 * A migrated database for tests, defined by where it is made and what migrates it: a
 * server (a JDBC URL with its user and password), the locations of the migrations, Java
 * migrations and the packages scanned for them, the ledger table and placeholders. The
 * first {@link #copy()} in a JVM creates a template database on the server and applies
 * the migrations to it; every {@code copy()} returns a fresh copy of that template, which
 * the caller closes to drop. Two equal definitions share one template, which is dropped
 * when the JVM shuts down, or by {@link #close()}.
 * <p>
 * A test does not wait for the drop of the copy it closes, which is done in the
 * background, and while a copy is in use the next ones are made ahead in the background:
 * one at a time, or on PostgreSQL up to four at the same time. Dropping the template, at
 * {@link #close()} or when the JVM shuts down, first waits for that work, then drops the
 * copies left: made ahead and never used, not closed, or whose drop failed.
 * <p>
 * Where the copies are made: on PostgreSQL, MySQL and MariaDB, beside the database the
 * URL names, which the URL's user must be allowed to create databases beside; on H2, in
 * private in-memory databases with the URL's settings; on SQLite, in files beside the
 * file the URL names, or in the temporary directory for an in-memory URL. Generated names
 * start with {@code migrations_template_} and {@code migrations_copy_}.
 * <p>
 * Immutable and thread-safe; the {@code with} methods return a new definition.
 */
public final class DatabaseTemplate implements AutoCloseable {

	/** The variable (environment variable, system property) read by default. */
	public static final String DEFAULT_URL_VARIABLE = "MIGRATIONS_TEST_URL";

	private final String url;

	private final @Nullable String user;

	private final @Nullable String password;

	private final List<String> locations;

	private final List<MigrationEntry> entries;

	private final String table;

	private final Map<String, String> placeholders;

	private final List<String> javaPackages;

	private final JavaMigrationSource.@Nullable Factory javaMigrationFactory;

	private DatabaseTemplate(String url, @Nullable String user, @Nullable String password, List<String> locations,
			List<MigrationEntry> entries, String table, Map<String, String> placeholders, List<String> javaPackages,
			JavaMigrationSource.@Nullable Factory javaMigrationFactory) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.locations = List.copyOf(locations);
		this.entries = List.copyOf(entries);
		this.table = table;
		this.placeholders = Map.copyOf(placeholders);
		this.javaPackages = List.copyOf(javaPackages);
		this.javaMigrationFactory = javaMigrationFactory;
	}

	/**
	 * Return a definition for the server of a JDBC URL that carries its own credentials,
	 * if any, with the default locations ({@code classpath:db/migrations}) and ledger
	 * table.
	 * @param url the JDBC URL of a database on the server, such as
	 * {@code jdbc:postgresql://localhost:5432/postgres?user=postgres}, or of an embedded
	 * database ({@code jdbc:h2:mem:}, {@code jdbc:sqlite:})
	 * @return the definition
	 */
	public static DatabaseTemplate of(String url) {
		return of(url, null, null);
	}

	/**
	 * Return a definition for the server of a JDBC URL, such as a Testcontainers
	 * container's {@code getJdbcUrl()}, {@code getUsername()} and {@code getPassword()}.
	 * @param url the JDBC URL of a database on the server
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @return the definition
	 */
	public static DatabaseTemplate of(String url, @Nullable String user, @Nullable String password) {
		Objects.requireNonNull(url, "url must not be null");
		return new DatabaseTemplate(url, user, password, List.of("classpath:db/migrations"), List.of(),
				"migrations_ledger", Map.of(), List.of(), null);
	}

	/**
	 * Return a definition for the server whose JDBC URL a system property or else an
	 * environment variable holds.
	 * @param variable the name of the property or variable, such as
	 * {@value #DEFAULT_URL_VARIABLE}
	 * @return the definition
	 * @throws IllegalStateException if neither is set
	 */
	public static DatabaseTemplate fromEnvironment(String variable) {
		String url = System.getProperty(variable);
		url = (url != null && !url.isBlank()) ? url : System.getenv(variable);
		if (url == null || url.isBlank()) {
			throw new IllegalStateException(missingUrl(variable));
		}
		return of(url);
	}

	static String missingUrl(String variable) {
		return "No database server for migrated test databases: set the environment variable or system property "
				+ variable + " to the JDBC URL of a database on a server whose user may create databases (such as "
				+ "jdbc:postgresql://localhost:5432/postgres?user=postgres), or to jdbc:h2:mem: or jdbc:sqlite:, "
				+ "or name the URL in the annotation";
	}

	/**
	 * Return this definition with other locations of SQL and Java migrations.
	 * @param locations {@code classpath:} or {@code filesystem:} locations
	 * @return the definition
	 */
	public DatabaseTemplate withLocations(String... locations) {
		return new DatabaseTemplate(this.url, this.user, this.password, Arrays.asList(locations), this.entries,
				this.table, this.placeholders, this.javaPackages, this.javaMigrationFactory);
	}

	/**
	 * Return this definition with Java migrations added to those of the locations.
	 * @param entries the migrations
	 * @return the definition
	 */
	public DatabaseTemplate withEntries(MigrationEntry... entries) {
		List<MigrationEntry> all = new ArrayList<>(this.entries);
		all.addAll(Arrays.asList(entries));
		return new DatabaseTemplate(this.url, this.user, this.password, this.locations, all, this.table,
				this.placeholders, this.javaPackages, this.javaMigrationFactory);
	}

	/**
	 * Return this definition with another ledger table.
	 * @param table the table's name
	 * @return the definition
	 */
	public DatabaseTemplate withTable(String table) {
		return new DatabaseTemplate(this.url, this.user, this.password, this.locations, this.entries, table,
				this.placeholders, this.javaPackages, this.javaMigrationFactory);
	}

	/**
	 * Return this definition with placeholders replaced in SQL migrations.
	 * @param placeholders the values by name
	 * @return the definition
	 */
	public DatabaseTemplate withPlaceholders(Map<String, String> placeholders) {
		return new DatabaseTemplate(this.url, this.user, this.password, this.locations, this.entries, this.table,
				placeholders, this.javaPackages, this.javaMigrationFactory);
	}

	/**
	 * Return this definition with packages scanned for Java migrations besides those of
	 * the {@code classpath:} locations.
	 * @param packages the packages
	 * @return the definition
	 */
	public DatabaseTemplate withJavaPackages(String... packages) {
		return new DatabaseTemplate(this.url, this.user, this.password, this.locations, this.entries, this.table,
				this.placeholders, Arrays.asList(packages), this.javaMigrationFactory);
	}

	/**
	 * Return this definition with another way to create the Java migrations found by
	 * scanning, such as one that injects their constructors. The factory is not part of
	 * the definition's identity: two definitions that differ only by it share a template,
	 * since they scan the same classes.
	 * @param factory the factory
	 * @return the definition
	 */
	public DatabaseTemplate withJavaMigrationFactory(JavaMigrationSource.Factory factory) {
		return new DatabaseTemplate(this.url, this.user, this.password, this.locations, this.entries, this.table,
				this.placeholders, this.javaPackages, Objects.requireNonNull(factory, "factory must not be null"));
	}

	/**
	 * Return a fresh copy of the migrated template, migrating the template first if this
	 * is the first copy in the JVM. Thread-safe.
	 * @return the copy, to close once used, which drops it
	 * @throws IllegalStateException if the template cannot be made or copied, or its
	 * migrations fail
	 */
	public DatabaseCopy copy() {
		return TemplateCache.shared().template(this).copy();
	}

	/**
	 * Drop this definition's template in this JVM now, rather than when the JVM shuts
	 * down: wait until the copies closed so far are dropped, then drop the copies left
	 * (made ahead, or still open: close them first) and the template; a later
	 * {@link #copy()} migrates a new template. Does nothing when no template exists.
	 * Thread-safe.
	 * @throws IllegalStateException if a copy or the template cannot be dropped
	 */
	@Override
	public void close() {
		TemplateCache.shared().drop(this);
	}

	/**
	 * Return a runner of this definition's migrations on a database.
	 * @param dataSource the database
	 * @return the runner
	 */
	MigrationRunner runner(DataSource dataSource) {
		MigrationRunner.Builder builder = MigrationRunner.builder(dataSource)
			.locations(this.locations)
			.javaPackages(this.javaPackages)
			.entries(this.entries)
			.table(this.table)
			.placeholders(this.placeholders)
			.secrets(secrets());
		if (this.javaMigrationFactory != null) {
			builder.javaMigrationFactory(this.javaMigrationFactory);
		}
		return builder.build();
	}

	DatabaseServer server() {
		return DatabaseServer.of(this.url, this.user, this.password);
	}

	/**
	 * Return the failure of an action on the server, its message and the database's
	 * without credentials.
	 */
	IllegalStateException failure(String action, Exception cause) {
		Exception masked = (cause instanceof SQLException sqlException)
				? Credentials.maskFailure(sqlException, secrets()) : cause;
		return new IllegalStateException("Could not " + action + ": " + Credentials.mask(cause.getMessage(), secrets()),
				masked);
	}

	private List<String> secrets() {
		List<String> secrets = new ArrayList<>(Credentials.secretsIn(this.url));
		if (this.password != null) {
			secrets.add(this.password);
		}
		return secrets;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof DatabaseTemplate template && key().equals(template.key());
	}

	@Override
	public int hashCode() {
		return key().hashCode();
	}

	private List<Object> key() {
		List<String> entries = this.entries.stream()
			.map((entry) -> entry.id() + "=" + entry.migration().getClass().getName())
			.toList();
		return Arrays.asList(this.url, this.user, this.locations, this.javaPackages, entries, this.table,
				new TreeMap<>(this.placeholders));
	}

	@Override
	public String toString() {
		return "DatabaseTemplate " + Credentials.mask(this.url, secrets()) + " " + this.locations;
	}

}
