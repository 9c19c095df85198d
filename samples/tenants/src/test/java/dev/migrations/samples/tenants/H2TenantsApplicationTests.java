package dev.migrations.samples.tenants;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sample on an in-memory H2 database whose URL creates the tenant schemas, migrated
 * one at a time as the sample's configuration says for H2.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:tenants-test;DATABASE_TO_LOWER=TRUE;"
		+ "INIT=CREATE SCHEMA IF NOT EXISTS tenant_a\\\\;CREATE SCHEMA IF NOT EXISTS tenant_b\\\\;"
		+ "CREATE SCHEMA IF NOT EXISTS tenant_c")
class H2TenantsApplicationTests extends TenantsConformanceTests {

}
