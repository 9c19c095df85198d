package dev.migrations.test;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbMigratedDatabaseTests extends MigratedDatabaseConformanceTests {

	@Override
	DatabaseKind kind() {
		return DatabaseKind.MARIADB;
	}

	@Test
	void aCopyHasTheTemplatesKeysCountersGeneratedColumnsViewsRoutinesAndTriggers() {
		try (DatabaseCopy copy = DatabaseTemplate.of(server().url())
			.withLocations("classpath:db/testmod/mariadb")
			.copy()) {
			assertThat(Jdbc.count(copy.dataSource(), "audit")).as("rows the trigger wrote while copying").isZero();
			Jdbc.execute(copy.dataSource(), "INSERT INTO orders (customer_id, total) VALUES (1, 20.00)");
			assertThat(Jdbc.count(copy.dataSource(), "audit")).isOne();
			assertThat(Jdbc.count(copy.dataSource(), "orders WHERE id = 2 AND total_with_tax = 40.00")).isOne();
			assertThat(Jdbc.count(copy.dataSource(), "big_orders")).isEqualTo(2);
			assertThat(Jdbc.count(copy.dataSource(), "orders WHERE order_count() = 2")).isEqualTo(2);
			assertThatIllegalStateException().isThrownBy(
					() -> Jdbc.execute(copy.dataSource(), "INSERT INTO orders (customer_id, total) VALUES (99, 1.00)"))
				.withMessageContaining("foreign key");
			assertThat(copy.runner().applyAll().migrations()).isEmpty();
		}
	}

}
