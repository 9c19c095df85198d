package dev.migrations.samples.tenants;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample on a fresh PostgreSQL database holding the tenant schemas, dropped after,
 * migrated four at a time.
 */
@SpringBootTest(properties = "migrations.fleet.parallelism=4")
@DirtiesContext
class PostgresqlTenantsApplicationTests extends TenantsConformanceTests {

	private static final TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL);

	@DynamicPropertySource
	static void tenantsDatabase(DynamicPropertyRegistry registry) {
		database.execute("CREATE SCHEMA tenant_a", "CREATE SCHEMA tenant_b", "CREATE SCHEMA tenant_c");
		registry.add("spring.datasource.url", database::url);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

}
