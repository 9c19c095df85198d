package dev.migrations.test;

import java.util.HashSet;

import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import dev.migrations.test.spring.examples.PooledConnectionsTests;
import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMigratedDatabase} with an application whose DataSource is a
 * HikariCP pool: the application borrows its connections to a copy from a pool of the
 * copy's own, with the application's pool's size, timeout and isolation, so that a
 * connection given back is borrowed again; the pool is closed before the copy is dropped,
 * so that no session is left on the server (MariaDB keeps a session whose database was
 * dropped, and shows it). The example, in {@code spring.examples}, is run here through
 * JUnit's test kit, not by the build.
 */
class SpringPooledConnectionsTests {

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB" })
	void theApplicationBorrowsFromAPoolOfTheCopysOwnClosedBeforeTheCopyIsDropped(DatabaseKind kind) {
		try (TestServer server = TestServer.create(kind)) {
			PooledConnectionsTests.copies.clear();
			PooledConnectionsTests.sessions.clear();
			SpringExamples.run(server, PooledConnectionsTests.class.getName())
				.assertStatistics((stats) -> stats.started(1).succeeded(1));
			assertThat(PooledConnectionsTests.sessions).as("the sessions of seven connections borrowed").hasSize(7);
			assertThat(new HashSet<>(PooledConnectionsTests.sessions)).hasSize(2);
			String copy = PooledConnectionsTests.copies.get(0);
			assertThat(server.exists(copy)).isFalse();
			assertThat(server.sessionsOn(copy)).isZero();
		}
	}

}
