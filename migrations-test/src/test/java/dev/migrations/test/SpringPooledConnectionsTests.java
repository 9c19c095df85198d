package dev.migrations.test;

import java.util.HashSet;

import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import dev.migrations.test.spring.examples.PooledConnectionsTests;
import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

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

	private static final String URL = DatabaseTemplate.DEFAULT_URL_VARIABLE;

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB" })
	void theApplicationBorrowsFromAPoolOfTheCopysOwnClosedBeforeTheCopyIsDropped(DatabaseKind kind) {
		try (TestServer server = TestServer.create(kind)) {
			System.setProperty(URL, server.url());
			PooledConnectionsTests.copies.clear();
			PooledConnectionsTests.sessions.clear();
			try {
				EngineTestKit.engine("junit-jupiter")
					.selectors(selectClass(PooledConnectionsTests.class))
					.execute()
					.testEvents()
					.assertStatistics((stats) -> stats.started(1).succeeded(1));
			}
			finally {
				System.clearProperty(URL);
				TemplateCache.shared().dropAll();
			}
			assertThat(PooledConnectionsTests.sessions).as("the sessions of seven connections borrowed").hasSize(7);
			assertThat(new HashSet<>(PooledConnectionsTests.sessions)).hasSize(2);
			String copy = PooledConnectionsTests.copies.get(0);
			assertThat(server.exists(copy)).isFalse();
			assertThat(server.sessionsOn(copy)).isZero();
		}
	}

}
