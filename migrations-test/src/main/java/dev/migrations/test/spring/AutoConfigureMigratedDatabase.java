package dev.migrations.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.migrations.test.CopyMode;
import dev.migrations.test.DatabaseTemplate;

/**
 * Replaces the application's DataSource in a Spring test ({@code @SpringBootTest},
 * {@code @JdbcTest}, {@code @DataJpaTest}) with a fresh copy of a migrated template
 * database for each test class, or each test method with {@link CopyMode#PER_METHOD}. The
 * template is migrated once per JVM with what the starter's runner migrates: the SQL
 * files of {@code migrations.locations}, the application's Java migrations (beans and
 * scanned classes) and {@code migrations.placeholders}, with the ledger in
 * {@code migrations.table}; so the starter finds every copy up to date. With
 * {@code migrations.instances}, each DataSource gets copies of a template of what the
 * runner of the instance that migrates it has.
 * <p>
 * The server is the JDBC URL of {@link #url()}, else of the property or environment
 * variable {@link #urlVariable()} names, else the application's
 * {@code spring.datasource.url} with its {@code username} and {@code password}. The
 * DataSource bean is replaced after it is created, whatever created it, an embedded
 * database of {@code @AutoConfigureTestDatabase} included.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMigratedDatabase {

	/**
	 * The JDBC URL of a database on the server, with its credentials if any; empty to
	 * read {@link #urlVariable()}.
	 * @return the URL
	 */
	String url() default "";

	/**
	 * The property or environment variable that holds the JDBC URL when {@link #url()} is
	 * empty; when neither is set, {@code spring.datasource.url}.
	 * @return the name
	 */
	String urlVariable() default DatabaseTemplate.DEFAULT_URL_VARIABLE;

	/**
	 * Whether each test method gets its own copy, or the class has one.
	 * @return the mode
	 */
	CopyMode mode() default CopyMode.PER_CLASS;

}
