package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.migrations.boot.actuate.MigrationsHealthContributorAutoConfiguration;
import dev.migrations.boot.metrics.MigrationsMeterBinder;
import dev.migrations.boot.metrics.MigrationsMetricsAutoConfiguration;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions that a connection of migrations' own ({@code migrations.url}) keeps open
 * on a real PostgreSQL server, told apart by their application name: none after the
 * startup run, at most the pool's two however many health checks and gauge reads follow,
 * none once the context is closed; and the password in no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresqlDedicatedConnectionTests {

	private static final String PASSWORD = "Dedicated-Pa55word-4711";

	private final String application = "mig_pool_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private TestDatabase database;

	private Level hikariLevel;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create(DatabaseKind.POSTGRESQL);
		Logger hikari = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari");
		this.hikariLevel = hikari.getLevel();
		hikari.setLevel(Level.DEBUG);
	}

	@AfterEach
	void dropDatabase() {
		((Logger) LoggerFactory.getLogger("com.zaxxer.hikari")).setLevel(this.hikariLevel);
		// A database that is not available skips the test before it is created
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void healthChecksAndGaugesShareAPoolOfTwoThatClosesWithTheContext(CapturedOutput output) throws Exception {
		String url = this.database.url() + (this.database.url().contains("?") ? "&" : "?") + "ApplicationName="
				+ this.application + "&password=" + PASSWORD;
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
					MigrationsHealthContributorAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("migrations.url=" + url, "migrations.locations=classpath:db/operated")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.database.tables()).contains("accounts", "invoices", "migrations_ledger");
				// The run's own sessions end with it; the read of the ledger before the
				// lock borrows from the pool, as a health check does, and holds no lock
				assertThat(sessions()).as("sessions left by the startup run")
					.hasSizeLessThanOrEqualTo(DedicatedDataSource.POOL_SIZE);
				assertThat(locksHeld()).as("locks held once the startup run ended").isZero();
				HealthIndicator health = context.getBean("migrationsHealthContributor", HealthIndicator.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(MigrationsMeterBinder.class).bindTo(registry);
				Set<Integer> seen = new TreeSet<>();
				for (int check = 0; check < 5; check++) {
					assertThat(health.health().getStatus()).isEqualTo(Status.UP);
					assertThat(registry.get("migrations.applied").gauge().value()).isEqualTo(2.0);
					assertThat(registry.get("migrations.pending").gauge().value()).isZero();
					seen.addAll(sessions());
				}
				assertThat(seen).as("sessions seen across 5 health checks and 10 gauge reads")
					.isNotEmpty()
					.hasSizeLessThanOrEqualTo(DedicatedDataSource.POOL_SIZE);
				assertThat(checkConcurrently(health))
					.allSatisfy((result) -> assertThat(result.getStatus()).isEqualTo(Status.UP));
				assertThat(sessions()).as("sessions after concurrent checks")
					.hasSizeLessThanOrEqualTo(DedicatedDataSource.POOL_SIZE);
				context.getBean(MigrationRunner.class).rollback(1);
				assertThat(health.health().getDetails()).containsEntry("pending", 2);
				assertThat(sessions()).as("sessions after a run")
					.hasSizeLessThanOrEqualTo(DedicatedDataSource.POOL_SIZE);
			});
		assertThat(sessionsOnceClosed()).as("sessions after the context closed").isEmpty();
		assertThat(output).contains("migrations - Start").doesNotContain(PASSWORD);
	}

	private List<Health> checkConcurrently(HealthIndicator health) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Health>> checks = new ArrayList<>();
			for (int check = 0; check < 40; check++) {
				checks.add(health::health);
			}
			List<Health> results = new ArrayList<>();
			for (Future<Health> result : executor.invokeAll(checks)) {
				results.add(result.get());
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private List<Integer> sessions() {
		return new JdbcTemplate(this.database.dataSource()).queryForList(
				"SELECT pid FROM pg_stat_activity WHERE application_name = ?", Integer.class, this.application);
	}

	private long locksHeld() {
		Long locks = new JdbcTemplate(this.database.dataSource())
			.queryForObject("SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
					+ "WHERE l.locktype = 'advisory' AND a.application_name = ?", Long.class, this.application);
		return (locks != null) ? locks : 0;
	}

	/**
	 * The sessions of the application once its connections are closed: a server ends a
	 * session a moment after its client closed the connection.
	 */
	private List<Integer> sessionsOnceClosed() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<Integer> sessions = sessions();
		while (!sessions.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
			sessions = sessions();
		}
		return sessions;
	}

}
