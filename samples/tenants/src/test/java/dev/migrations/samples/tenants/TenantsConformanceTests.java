package dev.migrations.samples.tenants;

import java.util.List;

import dev.migrations.runner.FleetResult;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationTarget;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample started on a database with three empty tenant schemas: the fleet migrates
 * each into its own ledger, Hibernate keeps each tenant's invoices in its schema, and a
 * tenant added while the application runs is migrated and usable at once.
 */
abstract class TenantsConformanceTests {

	private static final List<String> MIGRATIONS = List.of("m_20241201000000_create_invoices",
			"m_20241201000100_add_paid_to_invoices");

	@Autowired
	private MigrationFleet fleet;

	@Autowired
	private Tenants tenants;

	@Autowired
	private InvoiceRepository invoices;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void startupMigratesEveryTenantSchemaIntoItsOwnLedger() {
		FleetResult status = this.fleet.status();
		assertThat(status.targets()).extracting(FleetResult.Target::name).contains("tenant_a", "tenant_b", "tenant_c");
		assertThat(status.targets()).allSatisfy((target) -> {
			assertThat(target.outcome()).as(target.name()).isEqualTo(FleetResult.Outcome.UP_TO_DATE);
			assertThat(target.applied()).as(target.name()).isEqualTo(MIGRATIONS.size());
		});
		for (String tenant : List.of("tenant_a", "tenant_b", "tenant_c")) {
			assertThat(ledger(tenant)).as(tenant).containsExactlyElementsOf(MIGRATIONS);
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'invoices'",
				Integer.class))
			.as("the connection's own schema is left alone")
			.isZero();
	}

	@Test
	void invoicesWrittenAsOneTenantAreNotSeenByAnother() {
		CurrentTenant.as("tenant_a", () -> this.invoices.save(new Invoice("Acme", 12_500)));
		CurrentTenant.as("tenant_b", () -> this.invoices.save(new Invoice("Globex", 700)));

		assertThat(customers("tenant_a")).containsExactly("Acme");
		assertThat(customers("tenant_b")).containsExactly("Globex");
		assertThat(customers("tenant_c")).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT customer FROM tenant_a.invoices", String.class)).isEqualTo("Acme");
	}

	@Test
	void aTenantAddedAtRunTimeIsMigratedAndUsable() {
		FleetResult.Target created = this.tenants.create("tenant_new");

		assertThat(created.outcome()).isEqualTo(FleetResult.Outcome.APPLIED);
		assertThat(created.applied()).isEqualTo(MIGRATIONS.size());
		assertThat(ledger("tenant_new")).containsExactlyElementsOf(MIGRATIONS);
		assertThat(this.fleet.targets()).contains(MigrationTarget.schema("tenant_new"));
		Invoice saved = CurrentTenant.as("tenant_new", () -> this.invoices.save(new Invoice("Initech", 4_200)));
		assertThat(saved.getId()).isNotNull();
		assertThat(saved.isPaid()).isFalse();
		assertThat(customers("tenant_new")).containsExactly("Initech");
	}

	@Test
	void workingWithoutATenantIsRefused() {
		assertThatThrownBy(this.invoices::findAll).rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("No current tenant");
	}

	private List<String> customers(String tenant) {
		return CurrentTenant.as(tenant, () -> this.invoices.findAll().stream().map(Invoice::getCustomer).toList());
	}

	private List<String> ledger(String tenant) {
		return this.jdbc.queryForList("SELECT id FROM " + tenant + ".migrations_ledger ORDER BY id", String.class);
	}

}
