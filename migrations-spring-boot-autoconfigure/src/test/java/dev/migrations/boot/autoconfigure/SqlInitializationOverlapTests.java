package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup warning when {@code spring.sql.init} would run scripts against the
 * DataSource that migrations manage.
 */
@ExtendWith(OutputCaptureExtension.class)
class SqlInitializationOverlapTests {

	private static final String WARNING = "against the DataSource that migrations manage";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void warnsWhenModeAlwaysWouldRunConfiguredScriptsNamingThePropertyTheScriptsAndWhatToDo(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.sql.init.mode=always",
					"spring.sql.init.data-locations=classpath:sqlinit/data.sql")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN")
			.contains("spring.sql.init.mode=always, so Spring Boot runs classpath:sqlinit/data.sql " + WARNING)
			.contains("docs/migrating-from-spring-sql-init.md")
			.contains("set spring.sql.init.mode=never");
	}

	@Test
	void warnsWhenTheDefaultEmbeddedModeFindsSchemaSqlOnAnEmbeddedDatabase(CapturedOutput output) throws IOException {
		Files.writeString(this.directory.resolve("schema.sql"), "CREATE TABLE users (id INT);");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() },
				getClass().getClassLoader())) {
			this.contextRunner.withClassLoader(classLoader).run((context) -> assertThat(context).hasNotFailed());
		}
		assertThat(output).contains("spring.sql.init.mode is embedded (the default) and the database is embedded, so "
				+ "Spring Boot runs classpath:schema.sql " + WARNING);
	}

	@Test
	void warnsOnAnEmbeddedDatabaseBehindADataSourceThatDoesNotTellItsUrl(CapturedOutput output) throws IOException {
		Files.writeString(this.directory.resolve("schema.sql"), "CREATE TABLE users (id INT);");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() },
				getClass().getClassLoader())) {
			this.contextRunner.withClassLoader(classLoader)
				.withPropertyValues("spring.datasource.type=" + SimpleDriverDataSource.class.getName(),
						"spring.datasource.url=jdbc:h2:mem:unpooled_" + System.nanoTime())
				.run((context) -> assertThat(context).hasNotFailed());
		}
		assertThat(output).contains("the database is embedded, so Spring Boot runs classpath:schema.sql " + WARNING);
	}

	@Test
	void findsScriptsThatAWildcardOrALeadingSlashNames(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.sql.init.mode=always",
					"spring.sql.init.schema-locations=classpath*:sqlinit/*.sql",
					"spring.sql.init.data-locations=classpath:/sqlinit/data.sql")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Spring Boot runs classpath:sqlinit/*.sql, classpath:/sqlinit/data.sql " + WARNING);
	}

	@Test
	void staysQuietWhenModeIsNever(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.sql.init.mode=never",
					"spring.sql.init.data-locations=classpath:sqlinit/data.sql")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void staysQuietWithoutScripts(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.sql.init.mode=always")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void staysQuietInEmbeddedModeOnADatabaseThatIsNotEmbedded(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + this.directory.resolve("db"),
					"spring.sql.init.data-locations=classpath:sqlinit/data.sql")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void staysQuietWhenMigrationsHaveAConnectionOfTheirOwn(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.sql.init.mode=always",
					"spring.sql.init.data-locations=classpath:sqlinit/data.sql",
					"migrations.url=jdbc:h2:mem:own_" + System.nanoTime())
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(WARNING);
	}

}
