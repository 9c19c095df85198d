package dev.migrations.boot.metrics;

import java.time.Duration;
import java.util.Objects;

import dev.migrations.MigrationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@link MigrationListener} that records how long each run waited for the migration lock
 * in a {@link Timer} named {@value #LOCK_WAIT_TIMER}. A long or growing wait means
 * another instance held the lock. Thread-safe.
 */
public class MigrationsLockWaitListener implements MigrationListener {

	/** The name of the timer. */
	public static final String LOCK_WAIT_TIMER = "migrations.lock.wait";

	private final Timer timer;

	/**
	 * Create a listener that records to a registry.
	 * @param registry the registry
	 */
	public MigrationsLockWaitListener(MeterRegistry registry) {
		Objects.requireNonNull(registry, "registry must not be null");
		this.timer = Timer.builder(LOCK_WAIT_TIMER)
			.description("Time spent waiting for the migration lock")
			.register(registry);
	}

	@Override
	public void lockAcquired(Duration waited) {
		this.timer.record(waited);
	}

}
