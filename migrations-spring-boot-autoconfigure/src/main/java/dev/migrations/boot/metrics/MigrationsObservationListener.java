package dev.migrations.boot.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@link MigrationListener} that makes an {@link Observation} named
 * {@value #RUN_OBSERVATION} around each run and one named {@value #MIGRATION_OBSERVATION}
 * around each migration, its child. Both carry the low-cardinality keys {@code direction}
 * ({@code up} or {@code down}) and {@code outcome} ({@code success} or {@code failure});
 * a migration carries its id as the high-cardinality key {@code migration.id}. With
 * Micrometer's default handlers they yield timers and spans of those names. Thread-safe:
 * each thread that runs migrations has its own observations.
 */
public class MigrationsObservationListener implements MigrationListener {

	/** The name of the observation around a run. */
	public static final String RUN_OBSERVATION = "migrations.run";

	/** The name of the observation around one migration. */
	public static final String MIGRATION_OBSERVATION = "migrations.migration";

	private final ObservationRegistry registry;

	private final ThreadLocal<@Nullable Current> run = new ThreadLocal<>();

	private final ThreadLocal<@Nullable Current> migration = new ThreadLocal<>();

	/**
	 * Create a listener that reports to a registry.
	 * @param registry the registry
	 */
	public MigrationsObservationListener(ObservationRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
	}

	@Override
	public void beforeRun(Direction direction, int count) {
		Observation observation = Observation.createNotStarted(RUN_OBSERVATION, this.registry)
			.contextualName("migrations " + name(direction))
			.lowCardinalityKeyValue("direction", name(direction))
			.highCardinalityKeyValue("migrations.count", Integer.toString(count))
			.start();
		this.run.set(new Current(observation, observation.openScope()));
	}

	@Override
	public void afterRun(Direction direction, MigrationResult result, @Nullable MigrationException failure) {
		Current unfinished = this.migration.get();
		if (unfinished != null) {
			this.migration.remove();
			unfinished.stop(failure);
		}
		Current current = this.run.get();
		if (current != null) {
			this.run.remove();
			current.stop(failure);
		}
	}

	@Override
	public void beforeMigration(MigrationDescriptor migration, Direction direction) {
		Current run = this.run.get();
		Observation observation = Observation.createNotStarted(MIGRATION_OBSERVATION, this.registry)
			.contextualName("migration " + name(direction) + " " + migration.id())
			.parentObservation((run != null) ? run.observation() : null)
			.lowCardinalityKeyValue("direction", name(direction))
			.highCardinalityKeyValue("migration.id", migration.id().toString())
			.start();
		this.migration.set(new Current(observation, observation.openScope()));
	}

	@Override
	public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
		Current current = this.migration.get();
		if (current != null) {
			this.migration.remove();
			current.stop(null);
		}
	}

	@Override
	public void onFailure(MigrationDescriptor migration, Direction direction, MigrationException failure) {
		Current current = this.migration.get();
		if (current != null) {
			this.migration.remove();
			current.stop(failure);
		}
	}

	private static String name(Direction direction) {
		return direction.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A started observation and its open scope, closed and stopped together.
	 */
	private record Current(Observation observation, Observation.Scope scope) {

		void stop(@Nullable Throwable failure) {
			this.scope.close();
			if (failure != null) {
				this.observation.error(failure);
			}
			this.observation.lowCardinalityKeyValue("outcome", (failure != null) ? "failure" : "success");
			this.observation.stop();
		}

	}

}
