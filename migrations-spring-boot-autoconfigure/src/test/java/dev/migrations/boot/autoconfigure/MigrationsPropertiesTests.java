package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migrations.LedgerTable;
import dev.migrations.OutOfOrder;
import dev.migrations.TransactionMode;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.MigrationRunnerBuilder;
import dev.migrations.source.SqlMigrationSource;
import net.minidev.json.JSONValue;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsProperties}.
 */
class MigrationsPropertiesTests {

	@Test
	void defaultsEqualTheCoreDefaults() {
		MigrationsProperties properties = new MigrationsProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getLocations()).containsExactly(SqlMigrationSource.DEFAULT_LOCATION);
		assertThat(properties.getJavaPackages()).isEmpty();
		assertThat(properties.getTable()).isEqualTo(LedgerTable.DEFAULT_NAME);
		assertThat(properties.getSchema()).isNull();
		assertThat(properties.getOnStartup()).isEqualTo(StartupMode.APPLY);
		assertThat(properties.getLockTimeout()).isEqualTo(MigrationRunner.DEFAULT_LOCK_TIMEOUT);
		assertThat(properties.getTransactionMode()).isEqualTo(MigrationRunner.DEFAULT_TRANSACTION_MODE);
		assertThat(properties.getOutOfOrder()).isEqualTo(MigrationRunner.DEFAULT_OUT_OF_ORDER);
		assertThat(properties.isValidateOnApply()).isEqualTo(MigrationRunner.DEFAULT_VALIDATE_ON_APPLY);
		assertThat(properties.isAllowDestructive()).isEqualTo(MigrationRunner.DEFAULT_ALLOW_DESTRUCTIVE);
		assertThat(properties.getEncoding()).isEqualTo(MigrationRunner.DEFAULT_ENCODING);
		assertThat(properties.getUrl()).isNull();
		assertThat(properties.getUser()).isNull();
		assertThat(properties.getPassword()).isNull();
		assertThat(properties.getInstances()).isEmpty();
		assertThat(properties.isBaselineOnMigrate()).isFalse();
		assertThat(properties.getBaselineVersion()).isNull();
		assertThat(properties.getBaselineFlywayTable()).isEqualTo(MigrationRunnerBuilder.DEFAULT_FLYWAY_TABLE);
	}

	@Test
	void generatedMetadataDocumentsEveryPropertyWithTheCoreDefaults() throws IOException {
		Map<String, Map<String, Object>> all = properties("META-INF/spring-configuration-metadata.json");
		Map<String, Map<String, Object>> actuator = new TreeMap<>(all);
		actuator.keySet().removeIf((name) -> !name.startsWith("management."));
		assertThat(actuator).containsOnlyKeys("management.endpoint.migrations.access",
				"management.endpoint.migrations.cache.time-to-live", "management.health.migrations.enabled");
		assertThat(actuator.get("management.endpoint.migrations.access")).containsEntry("defaultValue", "read_only");
		Map<String, Map<String, Object>> metadata = new TreeMap<>(all);
		metadata.keySet().removeAll(actuator.keySet());
		assertThat(metadata.remove("migrations.fleet.parallelism")).containsEntry("defaultValue",
				MigrationFleet.DEFAULT_PARALLELISM);
		assertThat(metadata.remove("migrations.fleet.schemas")).containsKey("description");
		assertThat(metadata).containsOnlyKeys("migrations.enabled", "migrations.locations", "migrations.java-packages",
				"migrations.table", "migrations.schema", "migrations.on-startup", "migrations.lock-timeout",
				"migrations.transaction-mode", "migrations.out-of-order", "migrations.validate-on-apply",
				"migrations.allow-destructive", "migrations.encoding", "migrations.url", "migrations.user",
				"migrations.password", "migrations.verify", "migrations.shadow-url", "migrations.shadow-user",
				"migrations.shadow-password", "migrations.instances", "migrations.placeholders",
				"migrations.placeholder-replacement", "migrations.target", "migrations.init-sqls",
				"migrations.connect-retries", "migrations.connect-retries-interval", "migrations.create-schemas",
				"migrations.driver-class-name", "migrations.baseline-on-migrate", "migrations.baseline-version",
				"migrations.baseline-flyway-table");
		metadata.forEach((name, property) -> assertThat(property.get("description")).as(name).isNotNull());
		assertThat(metadata.get("migrations.locations")).containsEntry("defaultValue",
				List.of(SqlMigrationSource.DEFAULT_LOCATION));
		assertThat(metadata.get("migrations.table")).containsEntry("defaultValue", LedgerTable.DEFAULT_NAME);
		assertThat(Duration
			.parse("PT" + metadata.get("migrations.lock-timeout").get("defaultValue").toString().toUpperCase()))
			.isEqualTo(MigrationRunner.DEFAULT_LOCK_TIMEOUT);
		assertThat(metadata.get("migrations.transaction-mode")).containsEntry("defaultValue", "per-migration");
		assertThat(TransactionMode.PER_MIGRATION).isEqualTo(MigrationRunner.DEFAULT_TRANSACTION_MODE);
		assertThat(metadata.get("migrations.out-of-order")).containsEntry("defaultValue", "apply");
		assertThat(OutOfOrder.APPLY).isEqualTo(MigrationRunner.DEFAULT_OUT_OF_ORDER);
		assertThat(metadata.get("migrations.validate-on-apply")).containsEntry("defaultValue",
				MigrationRunner.DEFAULT_VALIDATE_ON_APPLY);
		assertThat(metadata.get("migrations.allow-destructive")).containsEntry("defaultValue",
				MigrationRunner.DEFAULT_ALLOW_DESTRUCTIVE);
		assertThat(metadata.get("migrations.on-startup")).containsEntry("defaultValue", "apply");
		assertThat(metadata.get("migrations.verify")).containsEntry("defaultValue", "off");
		assertThat(metadata.get("migrations.encoding")).containsEntry("defaultValue",
				MigrationRunner.DEFAULT_ENCODING.name());
		assertThat(metadata.get("migrations.placeholder-replacement")).containsEntry("defaultValue", true);
		assertThat(metadata.get("migrations.create-schemas")).containsEntry("defaultValue", false);
		assertThat(metadata.get("migrations.connect-retries")).containsEntry("defaultValue", 0);
		assertThat(Duration.parse("PT"
				+ metadata.get("migrations.connect-retries-interval").get("defaultValue").toString().toUpperCase()))
			.isEqualTo(MigrationRunner.Builder.DEFAULT_CONNECT_RETRIES_INTERVAL);
		assertThat(metadata.get("migrations.baseline-on-migrate")).containsEntry("defaultValue", false);
		assertThat(metadata.get("migrations.baseline-flyway-table")).containsEntry("defaultValue",
				MigrationRunnerBuilder.DEFAULT_FLYWAY_TABLE);
		assertThat(metadata.get("migrations.instances").get("description").toString()).contains("'baseline-on-migrate'",
				"'baseline-version'");
	}

	@Test
	void metadataHintsListEveryStartupMode() throws IOException {
		Map<?, ?> root = read("META-INF/spring-configuration-metadata.json");
		List<?> hints = (List<?>) root.get("hints");
		Map<?, ?> onStartup = hints.stream()
			.map(Map.class::cast)
			.filter((hint) -> "migrations.on-startup".equals(hint.get("name")))
			.findFirst()
			.orElseThrow();
		List<Object> values = ((List<?>) onStartup.get("values")).stream()
			.map((value) -> ((Map<?, ?>) value).get("value"))
			.map(Object.class::cast)
			.toList();
		assertThat(values).containsExactly("apply", "validate", "pretend", "none", "apply-and-exit");
		assertThat(StartupMode.values()).hasSize(5);
	}

	@Test
	void bindsInstancesFromRelaxedNames() {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of("migrations.on-startup",
				"apply-and-exit", "migrations.instances.reporting.data-source", "reportingDataSource",
				"migrations.instances.reporting.lock-timeout", "10s", "migrations.instances.reporting.order", "3"));
		MigrationsProperties properties = new Binder(source).bind("migrations", Bindable.of(MigrationsProperties.class))
			.get();
		assertThat(properties.getOnStartup()).isEqualTo(StartupMode.APPLY_AND_EXIT);
		MigrationsProperties.Instance reporting = properties.getInstances().get("reporting");
		assertThat(reporting.getDataSource()).isEqualTo("reportingDataSource");
		assertThat(reporting.getLockTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(reporting.getOrder()).isEqualTo(3);
		assertThat(reporting.getLocations()).isNull();
		assertThat(reporting.getBaselineOnMigrate()).isNull();
	}

	@Test
	void bindsBaselineOnMigrateAtTheTopAndPerInstance() {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(
				Map.of("migrations.baseline-on-migrate", "true", "migrations.baseline-version",
						"m_20000101000003_create_orders", "migrations.baseline-flyway-table", "app.schema_version",
						"migrations.instances.reporting.baseline-version", "20000101000001_create_reports",
						"migrations.instances.reporting.baseline-on-migrate", "false"));
		MigrationsProperties properties = new Binder(source).bind("migrations", Bindable.of(MigrationsProperties.class))
			.get();
		assertThat(properties.isBaselineOnMigrate()).isTrue();
		assertThat(properties.getBaselineVersion()).isEqualTo("m_20000101000003_create_orders");
		assertThat(properties.getBaselineFlywayTable()).isEqualTo("app.schema_version");
		MigrationsProperties.Instance reporting = properties.getInstances().get("reporting");
		assertThat(reporting.getBaselineOnMigrate()).isFalse();
		assertThat(reporting.getBaselineVersion()).isEqualTo("20000101000001_create_reports");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> properties(String resource) throws IOException {
		Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
		for (Object property : (List<Object>) read(resource).get("properties")) {
			Map<String, Object> map = (Map<String, Object>) property;
			properties.put((String) map.get("name"), map);
		}
		return properties;
	}

	private static Map<?, ?> read(String resource) throws IOException {
		try (InputStream input = MigrationsPropertiesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(input).as(resource).isNotNull();
			return (Map<?, ?>) JSONValue.parse(new InputStreamReader(input, StandardCharsets.UTF_8));
		}
	}

}
