package dev.migrations.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.migrations.testing.ProcessDatabaseTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Maven on a small project whose pom has the plugin and a driver, against a real
 * database, and checks what each goal did to the database and to the build.
 */
abstract class MavenPluginConformanceIT extends ProcessDatabaseTests {

	private static final String ALPHA = "m_20240101000000_create_alpha";

	private static final String BETA = "m_20240102000000_create_beta";

	private Path project;

	private Path sqlMigrations;

	/**
	 * Return the driver's {@code groupId:artifactId}.
	 * @return the driver
	 */
	abstract String driver();

	/**
	 * Return a class of the driver.
	 * @return the class
	 */
	abstract Class<?> driverClass();

	@BeforeEach
	void writeProject() throws IOException {
		this.project = Files.createDirectories(this.directory.resolve("orders"));
		MavenBuild.writeProject(this.project, driver(), driverClass());
		this.sqlMigrations = Files.createDirectories(this.project.resolve("src/main/resources/db/migrations"));
		Files.writeString(this.sqlMigrations.resolve("20240101000000_create_alpha.up.sql"),
				"CREATE TABLE alpha (id INT PRIMARY KEY, name VARCHAR(50));\n");
		Files.writeString(this.sqlMigrations.resolve("20240101000000_create_alpha.down.sql"), "DROP TABLE alpha;\n");
		Path javaMigrations = Files.createDirectories(this.project.resolve("src/main/java/db/migrations"));
		Files.writeString(javaMigrations.resolve("M20240102000000_CreateBeta.java"), """
				package db.migrations;

				import dev.migrations.Migration;
				import dev.migrations.schema.Schema;

				public class M20240102000000_CreateBeta implements Migration {

					@Override
					public void up(Schema schema) {
						schema.create("beta", (table) -> {
							table.id();
							table.string("note", 100);
						});
					}

				}
				""");
	}

	@Test
	void migrateAppliesTheProjectsSqlAndJavaMigrationsAndRollbackUndoesThem() {
		MavenBuild.Result pending = maven("compile", "migrations:status", "-Dmigrations.failOnPending=true");
		assertThat(pending.succeeded()).as(pending.output()).isFalse();
		assertThat(pending.output()).contains(ALPHA)
			.contains(BETA)
			.contains("PENDING")
			.contains("Migrations are pending");

		MavenBuild.Result pretend = maven("migrations:migrate", "-Dmigrations.pretend");
		assertThat(pretend.succeeded()).as(pretend.output()).isTrue();
		assertThat(pretend.output()).contains("-- " + ALPHA).contains("CREATE TABLE alpha").contains("-- " + BETA);
		assertThat(this.database.tables()).doesNotContain("alpha", "beta", "migrations_ledger");

		MavenBuild.Result migrate = maven("migrations:migrate");
		assertThat(migrate.succeeded()).as(migrate.output()).isTrue();
		assertThat(migrate.output()).contains("Applied 2 migration(s) in batch 1.");
		assertThat(this.database.tables()).contains("alpha", "beta", "migrations_ledger");
		assertThat(ledgerRows("state = 'APPLIED' AND batch = 1 AND id IN ('" + ALPHA + "', '" + BETA + "')"))
			.isEqualTo(2);

		MavenBuild.Result upToDate = maven("migrations:status", "-Dmigrations.failOnPending=true");
		assertThat(upToDate.succeeded()).as(upToDate.output()).isTrue();
		assertThat(upToDate.output()).contains(ALPHA).contains("APPLIED");

		MavenBuild.Result rollback = maven("migrations:rollback", "-Dmigrations.steps=1");
		assertThat(rollback.succeeded()).as(rollback.output()).isTrue();
		assertThat(rollback.output()).contains("Rolled back " + BETA).contains("Rolled back " + ALPHA);
		assertThat(this.database.tables()).doesNotContain("alpha", "beta");
		assertThat(ledgerRows("1 = 1")).isZero();
	}

	@Test
	void validateFailsTheBuildOnAnEditedMigrationReadFromTheSourceDirectory() throws IOException {
		Map<String, String> environment = Map.of("MIGRATIONS_URL", this.database.url(), "MIGRATIONS_LOCATIONS",
				"filesystem:src/main/resources/db/migrations");
		MavenBuild.Result migrate = MavenBuild.run(this.project, environment, "migrations:migrate");
		assertThat(migrate.succeeded()).as(migrate.output()).isTrue();
		assertThat(this.database.tables()).contains("alpha").doesNotContain("beta");
		String checksum = this.database
			.queryForString("SELECT checksum FROM migrations_ledger WHERE id = '" + ALPHA + "'");

		assertThat(MavenBuild.run(this.project, environment, "migrations:validate").succeeded()).isTrue();
		Files.writeString(this.sqlMigrations.resolve("20240101000000_create_alpha.up.sql"),
				"CREATE TABLE alpha (id INT PRIMARY KEY, name VARCHAR(80));\n");
		MavenBuild.Result validate = MavenBuild.run(this.project, environment, "migrations:validate");
		assertThat(validate.succeeded()).as(validate.output()).isFalse();
		assertThat(validate.output()).contains(ALPHA).containsIgnoringCase("checksum").contains("BUILD FAILURE");
		assertThat(this.database.queryForString("SELECT checksum FROM migrations_ledger WHERE id = '" + ALPHA + "'"))
			.isEqualTo(checksum);
	}

	private MavenBuild.Result maven(String... args) {
		String[] withUrl = new String[args.length + 1];
		System.arraycopy(args, 0, withUrl, 0, args.length);
		withUrl[args.length] = "-Dmigrations.url=" + this.database.url();
		return MavenBuild.run(this.project, Map.of(), withUrl);
	}

	private long ledgerRows(String condition) {
		return this.database.queryForLong("SELECT COUNT(*) FROM migrations_ledger WHERE " + condition);
	}

}
