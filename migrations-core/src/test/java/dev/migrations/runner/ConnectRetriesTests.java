package dev.migrations.runner;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.migrations.JdbcUrlDataSource;
import dev.migrations.MigrationException;
import dev.migrations.internal.DelegatingDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code connectRetries}: the first connection is tried again while nothing listens, each
 * retry logged without the password, and the run fails after the last one.
 */
class ConnectRetriesTests {

	private static final String PASSWORD = "Retry-Secret-4711";

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(RetryingDataSource.class);

	@BeforeEach
	void captureLog() {
		this.events.start();
		this.logger.addAppender(this.events);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.events);
	}

	@Test
	void theFirstConnectionIsTriedAgainAndFailsAfterTheLastRetry() throws IOException {
		AtomicInteger attempts = new AtomicInteger();
		CountingDataSource counting = new CountingDataSource(new JdbcUrlDataSource(
				"jdbc:postgresql://127.0.0.1:" + closedPort() + "/app?connectTimeout=2", "app", PASSWORD), attempts);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationRunner.builder(counting)
				.connectRetries(2)
				.connectRetriesInterval(Duration.ofMillis(10))
				.secrets(java.util.List.of(PASSWORD))
				.build())
			.satisfies((ex) -> assertThat(ex).hasStackTraceContaining("Connection").hasMessageNotContaining(PASSWORD));
		assertThat(attempts).hasValue(3);
		assertThat(this.events.list).hasSize(2)
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).contains("trying again in 10 ms")
				.doesNotContain(PASSWORD));
		assertThat(this.events.list.get(0).getFormattedMessage()).contains("attempt 1 of 3");
	}

	@Test
	void withoutRetriesTheFirstFailureIsReported() throws IOException {
		AtomicInteger attempts = new AtomicInteger();
		CountingDataSource counting = new CountingDataSource(
				new JdbcUrlDataSource("jdbc:postgresql://127.0.0.1:" + closedPort() + "/app?connectTimeout=2"),
				attempts);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> MigrationRunner.builder(counting).build());
		assertThat(attempts).hasValue(1);
		assertThat(this.events.list).isEmpty();
	}

	/**
	 * Return a port where nothing listens: one the system just handed out and that was
	 * closed again.
	 */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static final class CountingDataSource extends DelegatingDataSource {

		private final AtomicInteger attempts;

		CountingDataSource(javax.sql.DataSource dataSource, AtomicInteger attempts) {
			super(dataSource);
			this.attempts = attempts;
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.attempts.incrementAndGet();
			return delegate().getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			this.attempts.incrementAndGet();
			return delegate().getConnection(username, password);
		}

	}

}
