package dev.migrations.samples.petclinic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationStatus;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code application.properties} and its three folders, one per database, on
 * the embedded H2 database: {@code {vendor}} reads the {@code h2} folder alone, whose
 * down scripts undo it; the parent location without it finds every migration three times,
 * and start-up stops on the duplicate id with advice to use {@code {vendor}}.
 */
class VendorFoldersTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@Test
	void theConfiguredVendorLocationReadsOnlyTheFolderOfTheDatabase() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationRunner runner = context.getBean(MigrationRunner.class);
			assertThat(runner.status()).extracting(MigrationStatus::source)
				.containsExactly("classpath:db/migrations/h2/20250301000000_create_vets.up.sql",
						"classpath:db/migrations/h2/20250301000100_create_owners_and_pets.up.sql",
						"classpath:db/migrations/h2/20250301000200_seed_clinic.up.sql");
		});
	}

	@Test
	void theH2DownScriptsRollTheClinicBackToAnEmptyDatabase() {
		this.contextRunner.run((context) -> {
			MigrationRunner runner = context.getBean(MigrationRunner.class);
			runner.applyAll();
			assertThat(tables(context.getBean(DataSource.class))).contains("owners", "vets", "visits");
			assertThat(runner.allowingDestructive().rollback().migrations()).hasSize(3);
			assertThat(tables(context.getBean(DataSource.class)))
				.allSatisfy((table) -> assertThat(table).startsWith("migrations_"));
		});
	}

	@Test
	void startingWithTheParentLocationFailsWithADuplicateIdThatSuggestsVendor() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:db/migrations").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(migrationDefinitionException(context.getStartupFailure())).as("the cause of the failure")
				.isNotNull()
				.satisfies((ex) -> assertThat(ex.getMessage())
					.contains("Duplicate migration id m_20250301000000_create_vets")
					.containsPattern("defined by classpath:db/migrations/(h2|mariadb|postgresql)/"
							+ "20250301000000_create_vets.up.sql and by classpath:db/migrations/(h2|mariadb|postgresql)/"
							+ "20250301000000_create_vets.up.sql")
					.contains("point the locations at classpath:db/migrations/{vendor}"));
		});
	}

	private static List<String> tables(DataSource dataSource) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet rows = connection.getMetaData()
					.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	private static MigrationDefinitionException migrationDefinitionException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationDefinitionException definition) {
				return definition;
			}
		}
		return null;
	}

}
