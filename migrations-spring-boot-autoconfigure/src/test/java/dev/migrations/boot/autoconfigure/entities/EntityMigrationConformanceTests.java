package dev.migrations.boot.autoconfigure.entities;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrations.boot.autoconfigure.JpaEntitySchema;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.GeneratedMigration;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.CatalogSnapshot;
import dev.migrations.testing.DatabaseDisplayNames;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make:migration NAME --from-entities} in an application whose entities changed:
 * the migrations of the first version exist as SQL files; with the second version's
 * entities (a new column, a new table with an index and a many-to-one relation) the
 * command writes the migration that builds their schema. Applied, it leaves the database
 * as Hibernate would create it for those entities, Hibernate's validation accepts it, and
 * its down migration brings back the first version's schema. One subclass per database.
 */
@DisplayNameGeneration(DatabaseDisplayNames.class)
abstract class EntityMigrationConformanceTests {

	@TempDir
	Path directory;

	private TestDatabase database;

	private Path migrations;

	@BeforeEach
	void createDatabaseWithTheFirstVersionsMigrations() throws IOException {
		DatabaseKind kind = getClass().getAnnotation(OnDatabase.class).value();
		this.database = TestDatabase.create(kind);
		if (kind == DatabaseKind.H2) {
			// Spring Boot opens an in-memory H2 database as sa
			this.database.execute("CREATE USER IF NOT EXISTS SA PASSWORD '' ADMIN");
		}
		this.migrations = Files.createDirectories(this.directory.resolve("migrations"));
		FirstVersionMigrations.write(this.migrations, kind);
	}

	@AfterEach
	void dropDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void writesNothingWhenTheMigrationsBuildTheEntitiesSchema() throws IOException {
		application(FirstVersion.class).run((context) -> {
			Output made = makeMigration(context, "nothing_new");
			assertThat(made.status()).as(made.text()).isZero();
			assertThat(made.text()).contains("Nothing to write: the schemas are the same.");
		});
		assertThat(migrationFiles()).containsExactly("20250101000000_create_authors.down.sql",
				"20250101000000_create_authors.up.sql");
	}

	@Test
	void writesTheMigrationThatBuildsTheEntitiesSchema() throws IOException {
		application(FirstVersion.class, "migrations.on-startup=apply")
			.run((context) -> assertThat(context).hasNotFailed());
		CatalogSnapshot firstVersion = CatalogSnapshot.of(this.database);

		application(SecondVersion.class).run((context) -> {
			Output made = makeMigration(context, "add_books");
			assertThat(made.status()).as(made.text()).isZero();
			assertThat(made.text()).containsPattern("Created .*_add_books\\.up\\.sql")
				.containsPattern("Created .*_add_books\\.down\\.sql");
		});
		String up = Files.readString(migrationFile(".*_add_books\\.up\\.sql"));
		assertThat(up).containsPattern("(?i)create table .?books")
			.containsPattern("(?i)alter table .?authors.? add .*email")
			.containsPattern("(?i)create index .?books_title_idx")
			.containsPattern("(?i)foreign key");
		assertThat(Files.readString(migrationFile(".*_add_books\\.down\\.sql")))
			.containsPattern("(?i)drop table .?books");

		application(SecondVersion.class, "migrations.on-startup=apply", "spring.jpa.hibernate.ddl-auto=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationRunner runner = context.getBean(MigrationRunner.class);
				GeneratedMigration missing = runner.generate().toSchemaBuiltBy(new JpaEntitySchema(context));
				assertThat(missing.changes().changes()).isEmpty();
				runner.rollback();
			});
		assertThat(CatalogSnapshot.of(this.database)).isEqualTo(firstVersion);
	}

	private ApplicationContextRunner application(Class<?> version, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, MigrationsAutoConfiguration.class))
			.withUserConfiguration(version)
			.withPropertyValues("spring.datasource.url=" + this.database.url(),
					"migrations.locations=filesystem:" + this.migrations, "migrations.on-startup=none",
					"spring.jpa.hibernate.ddl-auto=none")
			.withPropertyValues(properties);
	}

	/**
	 * Run {@code make:migration NAME --from-entities} as the application's jar runs it.
	 */
	private Output makeMigration(ApplicationContext context, String name) {
		MigrationRunner runner = context.getBean(MigrationRunner.class);
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
		int status = new MigrationCommandLine((progress) -> runner, List.of("filesystem:" + this.migrations), out, out,
				false, List.of())
			.withEntities(new JpaEntitySchema(context))
			.run(List.of("make:migration", name, "--from-entities"));
		return new Output(status, output.toString(StandardCharsets.UTF_8));
	}

	private List<String> migrationFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.migrations)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private Path migrationFile(String pattern) throws IOException {
		return this.migrations
			.resolve(migrationFiles().stream().filter((name) -> name.matches(pattern)).findFirst().orElseThrow());
	}

	private record Output(int status, String text) {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.migrations.boot.autoconfigure.entities.v1.Author.class)
	static class FirstVersion {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.migrations.boot.autoconfigure.entities.v2.Author.class)
	static class SecondVersion {

	}

}
