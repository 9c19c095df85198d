package dev.migrations.samples.tenants;

import dev.migrations.runner.FleetResult;
import dev.migrations.runner.MigrationFleet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as it runs with nothing configured: two tenants on an in-memory H2 database,
 * both migrated at startup.
 */
@SpringBootTest
class TenantsApplicationTests {

	@Autowired
	private MigrationFleet fleet;

	@Test
	void startsWithTwoMigratedTenants() {
		FleetResult status = this.fleet.status();
		assertThat(status.targets()).extracting(FleetResult.Target::name).containsExactly("tenant_a", "tenant_b");
		assertThat(status.count(FleetResult.Outcome.UP_TO_DATE)).isEqualTo(2);
	}

}
