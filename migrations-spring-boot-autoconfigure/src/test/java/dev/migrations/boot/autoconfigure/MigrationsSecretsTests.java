package dev.migrations.boot.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsSecrets}.
 */
class MigrationsSecretsTests {

	@Test
	void findsThePasswordsOfTheMigrationsAndTheDataSourceInPropertiesAndUrls() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.password", "migrations-pw")
			.withProperty("spring.datasource.password", "datasource-pw")
			.withProperty("migrations.url", "jdbc:mysql://app:userinfo-pw@db:3306/app")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/app?user=app&password=parameter-pw")
			.withProperty("migrations.instances.reporting.password", "instance-pw")
			.withProperty("migrations.instances.reporting.url", "jdbc:h2:mem:reporting;PASSWORD=instance-url-pw");
		assertThat(MigrationsSecrets.of(environment)).containsExactlyInAnyOrder("migrations-pw", "datasource-pw",
				"userinfo-pw", "parameter-pw", "instance-pw", "instance-url-pw");
	}

	@Test
	void findsThePasswordsThatEnvironmentVariablesConfigure() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("MIGRATIONS_PASSWORD", "migrations-pw", "SPRING_DATASOURCE_PASSWORD", "datasource-pw",
							"MIGRATIONS_URL", "jdbc:mariadb://db/app?user=app&password=parameter-pw",
							"MIGRATIONS_INSTANCES_REPORTING_PASSWORD", "instance-pw")));
		assertThat(MigrationsSecrets.of(environment)).containsExactlyInAnyOrder("migrations-pw", "datasource-pw",
				"parameter-pw", "instance-pw");
	}

	@Test
	void leavesOutEmptyPasswordsRepeatsAndPropertiesThatCannotBeRead() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.password", "same")
			.withProperty("spring.datasource.password", "same")
			.withProperty("migrations.url", "jdbc:h2:mem:app")
			.withProperty("spring.datasource.url", "${no.such.property}/app?password=")
			.withProperty("migrations.instances.reporting.password", "");
		assertThat(MigrationsSecrets.of(environment)).containsExactly("same");
	}

	@Test
	void findsTheValuesOfPlaceholdersNamedAsSecretsForTheCommandsAndFailureReports() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("migrations.placeholders.db.password", "placeholder-pw")
			.withProperty("migrations.placeholders.apiKey", "placeholder-key")
			.withProperty("migrations.placeholders.schema", "public")
			.withProperty("migrations.instances.reporting.placeholders.reportToken", "instance-token");
		assertThat(MigrationsSecrets.of(environment)).containsExactlyInAnyOrder("placeholder-pw", "placeholder-key",
				"instance-token");
	}

	@Test
	void findsTheSamePasswordsInInstancesBoundAlready() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.password", "migrations-pw")
			.withProperty("migrations.instances.reporting.password", "instance-pw")
			.withProperty("migrations.instances.reporting.url", "jdbc:h2:mem:reporting;PASSWORD=instance-url-pw")
			.withProperty("migrations.instances.audit.password", "migrations-pw");
		MigrationsProperties properties = Binder.get(environment).bind("migrations", MigrationsProperties.class).get();
		assertThat(MigrationsSecrets.of(environment, properties.getInstances().values()))
			.containsExactly("migrations-pw", "instance-pw", "instance-url-pw")
			.isEqualTo(MigrationsSecrets.of(environment));
	}

}
