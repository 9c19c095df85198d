package dev.migrations.boot.docs;

import dev.migrations.runner.FleetResult;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationTarget;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The tenant service of docs/many-tenants.md, "Spring Boot": a tenant created while the
 * application runs is migrated by the {@code MigrationFleet} bean.
 */
@Service
class Tenants {

	private final JdbcTemplate jdbc;

	private final MigrationFleet fleet;

	Tenants(JdbcTemplate jdbc, MigrationFleet fleet) {
		this.jdbc = jdbc;
		this.fleet = fleet;
	}

	FleetResult.Target create(String name) {
		// refuses anything but a plain identifier
		MigrationTarget tenant = MigrationTarget.schema(name);
		this.jdbc.execute("CREATE SCHEMA " + tenant.schema());
		FleetResult.Target result = this.fleet.apply(tenant);
		if (result.outcome() == FleetResult.Outcome.FAILED) {
			throw new IllegalStateException(result.error());
		}
		return result;
	}

}
