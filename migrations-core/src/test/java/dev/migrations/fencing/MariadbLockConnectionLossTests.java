package dev.migrations.fencing;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbLockConnectionLossTests extends LockConnectionLossConformanceTests {

	@Override
	void endLockSession() {
		long holder = this.database
			.queryForLong("SELECT IS_USED_LOCK(CONCAT('migrations:', DATABASE(), '.migrations_ledger'))");
		assertThat(holder).isPositive();
		this.database.execute("KILL CONNECTION " + holder);
	}

}
