package dev.migrations.docs;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.runner.FleetResult;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.MigrationTarget;
import dev.migrations.runner.MigrationTargets;

/**
 * The Java examples of docs/many-tenants.md, as the page shows them.
 */
final class ManyTenantsExamples {

	private ManyTenantsExamples() {
	}

	static FleetResult applyToEveryTenant(DataSource dataSource) {
		MigrationRunner template = MigrationRunner.builder(dataSource).locations("classpath:db/tenants").build();
		MigrationFleet fleet = MigrationFleet.builder(template).schemasLike("tenant_%").parallelism(4).build();
		FleetResult result = fleet.applyAll();
		result.table().forEach(System.out::println);
		if (result.hasFailures()) {
			throw new IllegalStateException(result.summary());
		}
		return result;
	}

	static MigrationTargets activeTenants() {
		MigrationTargets tenants = (connection) -> {
			List<MigrationTarget> targets = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT schema_name FROM tenants WHERE active")) {
				while (rows.next()) {
					targets.add(MigrationTarget.schema(rows.getString(1)));
				}
			}
			return targets;
		};
		return tenants;
	}

	static FleetResult.Target addTenant(MigrationFleet fleet) {
		FleetResult.Target added = fleet.apply(MigrationTarget.schema("tenant_acme"));
		if (added.outcome() == FleetResult.Outcome.FAILED) {
			throw new IllegalStateException(added.error());
		}
		return added;
	}

	static MigrationFleet databasePerTenant(MigrationRunner template, DataSource europe, String americaUrl) {
		MigrationFleet fleet = MigrationFleet.builder(template)
			.targets((connection) -> List.of(MigrationTarget.database("europe", europe),
					MigrationTarget.url("america", americaUrl, "migrator", System.getenv("AMERICA_DB_PASSWORD"))))
			.build();
		return fleet;
	}

}
