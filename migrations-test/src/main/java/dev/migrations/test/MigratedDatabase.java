package dev.migrations.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit test class a fresh copy of a migrated database: the migrations are
 * applied once per JVM into a template database (see {@link DatabaseTemplate}), and the
 * class, or each test method with {@link CopyMode#PER_METHOD}, gets a copy of it, dropped
 * afterwards. Test methods, constructors and {@code @BeforeEach} or {@code @BeforeAll}
 * methods receive the copy as a {@link javax.sql.DataSource} or a {@link DatabaseCopy}
 * parameter.
 * <p>
 * The server is the JDBC URL of {@link #url()}, or else the value of the JUnit
 * configuration parameter, system property or environment variable that
 * {@link #urlVariable()} names ({@code MIGRATIONS_TEST_URL} by default).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigratedDatabaseExtension.class)
public @interface MigratedDatabase {

	/**
	 * The JDBC URL of a database on the server, with its credentials if any; empty to
	 * read {@link #urlVariable()}.
	 * @return the URL
	 */
	String url() default "";

	/**
	 * The JUnit configuration parameter, system property or environment variable (read in
	 * that order) that holds the JDBC URL when {@link #url()} is empty.
	 * @return the name
	 */
	String urlVariable() default DatabaseTemplate.DEFAULT_URL_VARIABLE;

	/**
	 * The locations of SQL and Java migrations.
	 * @return {@code classpath:} or {@code filesystem:} locations
	 */
	String[] locations() default "classpath:db/migrations";

	/**
	 * The ledger table.
	 * @return the table's name
	 */
	String table() default "migrations_ledger";

	/**
	 * Whether each test method gets its own copy, or the class shares one.
	 * @return the mode
	 */
	CopyMode mode() default CopyMode.PER_CLASS;

}
