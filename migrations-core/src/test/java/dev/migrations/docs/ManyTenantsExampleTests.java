package dev.migrations.docs;

import java.util.List;

import dev.migrations.runner.FleetResult;
import dev.migrations.runner.FleetResult.Outcome;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.MigrationTarget;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of docs/many-tenants.md do what the page says, on H2, whose unquoted names
 * are upper case: the pattern {@code tenant_%} matches {@code TENANT_A}.
 */
class ManyTenantsExampleTests {

	@Test
	void everyTenantSchemaIsMigratedAndATenantAddedLaterToo() {
		try (TestDatabase database = TestDatabase.create(DatabaseKind.H2)) {
			database.execute("CREATE SCHEMA tenant_a", "CREATE SCHEMA tenant_b", "CREATE SCHEMA billing");
			FleetResult result = ManyTenantsExamples.applyToEveryTenant(database.dataSource());
			assertThat(result.targets()).extracting(FleetResult.Target::name).containsExactly("TENANT_A", "TENANT_B");
			assertThat(result.migrationsApplied()).isEqualTo(4);
			assertThat(database.queryForLong("SELECT COUNT(*) FROM tenant_b.invoices")).isZero();
			MigrationRunner template = MigrationRunner.builder(database.dataSource())
				.locations("classpath:db/tenants")
				.build();
			MigrationFleet fleet = MigrationFleet.builder(template).schemasLike("tenant_%").build();
			database.execute("CREATE SCHEMA tenant_acme");
			assertThat(ManyTenantsExamples.addTenant(fleet).applied()).isEqualTo(2);
			assertThat(fleet.status().count(Outcome.UP_TO_DATE)).isEqualTo(3);
		}
	}

	@Test
	void targetsComeFromATenantsTable() {
		try (TestDatabase database = TestDatabase.create(DatabaseKind.H2)) {
			database.execute("CREATE SCHEMA tenant_a", "CREATE SCHEMA tenant_b",
					"CREATE TABLE tenants (schema_name VARCHAR(60), active BOOLEAN)",
					"INSERT INTO tenants VALUES ('TENANT_A', TRUE), ('TENANT_B', FALSE)");
			MigrationRunner template = MigrationRunner.builder(database.dataSource())
				.locations("classpath:db/tenants")
				.build();
			MigrationFleet fleet = MigrationFleet.builder(template)
				.targets(ManyTenantsExamples.activeTenants())
				.build();
			assertThat(fleet.applyAll().targets()).extracting(FleetResult.Target::name).containsExactly("TENANT_A");
			assertThat(database
				.queryForLong("SELECT COUNT(*) FROM information_schema.tables " + "WHERE table_schema = 'TENANT_B'"))
				.isZero();
		}
	}

	@Test
	void databasesOfTheirOwnAreTargetsToo() {
		try (TestDatabase home = TestDatabase.create(DatabaseKind.H2);
				TestDatabase europe = TestDatabase.create(DatabaseKind.H2);
				TestDatabase america = TestDatabase.create(DatabaseKind.H2)) {
			america.execute("CREATE USER migrator PASSWORD '' ADMIN");
			MigrationRunner template = MigrationRunner.builder(home.dataSource())
				.locations("classpath:db/tenants")
				.build();
			MigrationFleet fleet = ManyTenantsExamples.databasePerTenant(template, europe.dataSource(), america.url());
			List<MigrationTarget> targets = fleet.targets();
			assertThat(targets).extracting(MigrationTarget::name).containsExactly("europe", "america");
			FleetResult result = fleet.applyAll();
			assertThat(result.targets()).extracting(FleetResult.Target::outcome)
				.containsExactly(Outcome.APPLIED, Outcome.APPLIED);
			assertThat(europe.queryForLong("SELECT COUNT(*) FROM migrations_ledger")).isEqualTo(2);
			assertThat(america.queryForLong("SELECT COUNT(*) FROM migrations_ledger")).isEqualTo(2);
			assertThat(home.tables()).isEmpty();
		}
	}

}
