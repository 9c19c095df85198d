package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.boot.autoconfigure.scanned.CreateFarewells;
import dev.migrations.boot.autoconfigure.scanned.M20241201000200_CreateGreetings;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java migrations found by scanning a location's package or
 * {@code migrations.java-packages}.
 */
class ScannedJavaMigrationsTests {

	private static final String PACKAGE = "dev.migrations.boot.autoconfigure.scanned";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@Test
	void javaPackagesAreScannedAndTheClassesCreatedWithTheirConstructorsInjected() {
		this.contextRunner.withPropertyValues("migrations.java-packages=" + PACKAGE, "greeting.text=bonjour")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(Databases.ledgerIds(dataSource)).containsExactly("m_20241201000000_create_users_table",
						"m_20241201000100_insert_first_user", "m_20241201000200_create_greetings",
						"m_20241201000300_create_farewells");
				assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT text FROM greetings", String.class))
					.isEqualTo("bonjour");
				assertThat(context.getBean(MigrationRunner.class).descriptors()).extracting(MigrationDescriptor::source)
					.contains("class " + M20241201000200_CreateGreetings.class.getName(),
							"class " + CreateFarewells.class.getName());
			});
	}

	@Test
	void thePackageAClasspathLocationNamesIsScanned() {
		this.contextRunner
			.withPropertyValues("migrations.locations=classpath:db/migrations,classpath:" + PACKAGE.replace('.', '/'))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.ledgerIds(context.getBean(DataSource.class)))
					.contains("m_20241201000200_create_greetings", "m_20241201000300_create_farewells");
			});
	}

	@Test
	void anInstanceScansThePackagesOfItsOwnLocations() {
		this.contextRunner
			.withPropertyValues("migrations.instances.main.locations=classpath:db/migrations,classpath:"
					+ PACKAGE.replace('.', '/'))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.ledgerIds(context.getBean(DataSource.class)))
					.contains("m_20241201000200_create_greetings", "m_20241201000300_create_farewells");
			});
	}

	@Test
	void aScannedClassThatIsAlsoABeanIsRegisteredOnceAsTheBean() {
		this.contextRunner.withPropertyValues("migrations.java-packages=" + PACKAGE)
			.withBean("farewells", CreateFarewells.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<String> sources = new ArrayList<>();
				context.getBean(MigrationRunner.class)
					.descriptors()
					.stream()
					.filter((descriptor) -> descriptor.id().toString().equals("m_20241201000300_create_farewells"))
					.forEach((descriptor) -> sources.add(descriptor.source()));
				assertThat(sources).containsExactly("bean 'farewells'");
			});
	}

	@Test
	void aScannedClassWithoutAnIdFailsStartupShowingTheAnnotationToAdd() {
		this.contextRunner.withPropertyValues("migrations.java-packages=dev.migrations.boot.autoconfigure.scannednoid")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(MigrationDefinitionException.class.getName())
				.hasStackTraceContaining(
						"Java migration dev.migrations.boot.autoconfigure.scannednoid.CreateThings, found "
								+ "by scanning, has no id.")
				.hasStackTraceContaining(
						"@dev.migrations.boot.autoconfigure.MigrationBean(\"m_<yyyyMMddHHmmss>_<name>\")"));
	}

	@Test
	void withoutScannedPackagesNoJavaMigrationIsFound() {
		this.contextRunner.run((context) -> assertThat(Databases.ledgerIds(context.getBean(DataSource.class)))
			.containsExactly("m_20241201000000_create_users_table", "m_20241201000100_insert_first_user"));
	}

}
