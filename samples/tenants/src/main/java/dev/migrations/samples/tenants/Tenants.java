package dev.migrations.samples.tenants;

import dev.migrations.runner.FleetResult;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationTarget;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Adds tenants while the application runs: a new schema, migrated by the fleet with the
 * same code path as at startup.
 */
@Service
public class Tenants {

	private final JdbcTemplate jdbc;

	private final MigrationFleet fleet;

	Tenants(JdbcTemplate jdbc, MigrationFleet fleet) {
		this.jdbc = jdbc;
		this.fleet = fleet;
	}

	/**
	 * Create a tenant's schema and apply every migration to it.
	 * @param name the tenant, which names its schema: a plain identifier such as
	 * {@code tenant_c}
	 * @return the fleet's result for the new schema
	 * @throws dev.migrations.MigrationDefinitionException if the name is not a plain
	 * identifier
	 * @throws IllegalStateException if a migration failed
	 */
	public FleetResult.Target create(String name) {
		// refuses anything but a plain identifier, so it is safe in the statement
		MigrationTarget tenant = MigrationTarget.schema(name);
		this.jdbc.execute("CREATE SCHEMA " + tenant.schema());
		FleetResult.Target result = this.fleet.apply(tenant);
		if (result.outcome() == FleetResult.Outcome.FAILED) {
			throw new IllegalStateException("Tenant " + name + " was not migrated: " + result.error());
		}
		return result;
	}

}
