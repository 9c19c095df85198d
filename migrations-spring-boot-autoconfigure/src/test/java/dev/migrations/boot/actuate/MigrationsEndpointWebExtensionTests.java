package dev.migrations.boot.actuate;

import java.util.Map;
import java.util.UUID;

import dev.migrations.boot.actuate.MigrationsEndpoint.ActionDescriptor;
import dev.migrations.boot.actuate.MigrationsEndpoint.MigrationDetailDescriptor;
import dev.migrations.boot.actuate.MigrationsEndpointWebExtension.RefusalDescriptor;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsEndpointWebExtension} without a web server: the status of a
 * migration the library cannot read, the SQL shown with secret values masked, and what a
 * native image needs (the operation declares {@code OperationResponseBody}, so the bodies
 * it writes must be registered for reflection by the extension itself). The HTTP answers
 * to a failed statement and a refused rollback are in
 * {@link H2MigrationsRefusedWriteHttpTests}.
 */
class MigrationsEndpointWebExtensionTests {

	@Test
	void registersTheBodiesItWritesForReflection() {
		RuntimeHints hints = new RuntimeHints();
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, MigrationsEndpointWebExtension.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(RefusalDescriptor.class, "error"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ActionDescriptor.class, "migrations"))
			.accepts(hints);
	}

	@Test
	void answersAMigrationItCannotReadWith500() {
		String url = "jdbc:h2:mem:unreadable_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		new ApplicationContextRunner()
			.withBean("migrationRunner", MigrationRunner.class,
					() -> MigrationRunner.builder(new DriverManagerDataSource(url, "sa", ""))
						.locations("classpath:db/unreadable")
						.build())
			.withBean(MigrationsEndpoint.class)
			.withBean(MigrationsEndpointWebExtension.class)
			.run((context) -> {
				WebEndpointResponse<OperationResponseBody> response = context
					.getBean(MigrationsEndpointWebExtension.class)
					.migrate("apply", null, null, null);
				assertThat(response.getStatus()).isEqualTo(500);
				assertThat(response.getBody()).isInstanceOfSatisfying(RefusalDescriptor.class, (refusal) -> {
					assertThat(refusal.runner()).isEqualTo("migrationRunner");
					assertThat(refusal.error()).contains("${table_name}")
						.contains("migrations.placeholders.table_name=value");
				});
			});
	}

	@Test
	void showsTheSqlOfAPretendAndOfAMigrationWithSecretValuesMasked() {
		String url = "jdbc:h2:mem:pretend_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		new ApplicationContextRunner().withPropertyValues("migrations.placeholders.api_token=Tok_2222")
			.withBean("migrationRunner", MigrationRunner.class,
					() -> MigrationRunner.builder(new DriverManagerDataSource(url, "sa", ""))
						.locations("classpath:db/secret-placeholder")
						.placeholders(Map.of("api_token", "Tok_2222"))
						.build())
			.withBean(MigrationsEndpoint.class)
			.withBean(MigrationsEndpointWebExtension.class)
			.run((context) -> {
				OperationResponseBody pretend = context.getBean(MigrationsEndpointWebExtension.class)
					.migrate("pretend", null, null, null)
					.getBody();
				assertThat(pretend).isInstanceOfSatisfying(ActionDescriptor.class,
						(planned) -> assertThat(planned.migrations()).singleElement()
							.satisfies((migration) -> assertThat(migration.statements())
								.contains("INSERT INTO tokens (v) VALUES ('******')")));
				MigrationDetailDescriptor detail = (MigrationDetailDescriptor) context.getBean(MigrationsEndpoint.class)
					.migration("m_20241201000000_insert_token", null);
				assertThat(detail.upSql()).contains("INSERT INTO tokens (v) VALUES ('******')")
					.noneMatch((statement) -> statement.contains("Tok_2222"));
			});
	}

}
