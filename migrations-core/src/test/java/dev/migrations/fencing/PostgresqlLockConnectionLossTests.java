package dev.migrations.fencing;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlLockConnectionLossTests extends LockConnectionLossConformanceTests {

	@Override
	void endLockSession() {
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM (SELECT pg_terminate_backend(l.pid) AS ended "
				+ "FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
				+ "(SELECT oid FROM pg_database WHERE datname = current_database())) terminated WHERE ended"))
			.isEqualTo(1);
	}

}
