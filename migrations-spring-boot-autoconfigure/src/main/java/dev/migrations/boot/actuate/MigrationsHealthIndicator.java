package dev.migrations.boot.actuate;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrations.Credentials;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationId;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for the migrations of one {@link MigrationRunner}, judged by
 * this instance's own migrations (those its sources define), so that a rolling deploy
 * keeps the running instances in service:
 * <ul>
 * <li>{@link Status#DOWN} when one of its own migrations failed, was interrupted or was
 * edited after it was applied, or when the ledger cannot be read;</li>
 * <li>{@link Status#OUT_OF_SERVICE} when some of its own migrations are not applied yet
 * (pending, or in progress in another instance) and this application does not apply them
 * itself, so it waits for whoever does;</li>
 * <li>{@link Status#UP} otherwise: also while another instance applies migrations, and
 * whatever state the ledger rows this instance does not know are in (written by a newer
 * version), which the details list under {@code unknown}.</li>
 * </ul>
 * The details carry the {@link MigrationsSummary} of every row. Reads the ledger on every
 * check; errors are shown with credentials masked (and the given secrets, such as the
 * configured passwords). Thread-safe.
 */
public class MigrationsHealthIndicator implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsHealthIndicator.class);

	private static final Set<MigrationState> BROKEN = Set.of(MigrationState.FAILED, MigrationState.RUNNING,
			MigrationState.CHECKSUM_MISMATCH);

	private static final Set<MigrationState> NOT_APPLIED_YET = Set.of(MigrationState.PENDING,
			MigrationState.OUT_OF_ORDER, MigrationState.IN_PROGRESS);

	private final MigrationRunner runner;

	private final boolean appliesMigrations;

	private final List<String> secrets;

	/**
	 * Create an indicator for a runner whose application applies pending migrations
	 * itself, as {@code migrations.on-startup=apply} does.
	 * @param runner the runner
	 */
	public MigrationsHealthIndicator(MigrationRunner runner) {
		this(runner, true, List.of());
	}

	/**
	 * Create an indicator for one runner.
	 * @param runner the runner
	 * @param appliesMigrations whether this application applies the runner's pending
	 * migrations itself ({@code migrations.on-startup} {@code apply} or
	 * {@code apply-and-exit}); when it does not, its pending migrations make it
	 * {@link Status#OUT_OF_SERVICE} until someone else applies them
	 */
	public MigrationsHealthIndicator(MigrationRunner runner, boolean appliesMigrations) {
		this(runner, appliesMigrations, List.of());
	}

	/**
	 * Create an indicator for one runner whose details never carry the given secrets.
	 * @param runner the runner
	 * @param appliesMigrations whether this application applies the runner's pending
	 * migrations itself
	 * @param secrets values, such as the configured passwords, to mask in the details
	 */
	public MigrationsHealthIndicator(MigrationRunner runner, boolean appliesMigrations, Collection<String> secrets) {
		this.runner = Objects.requireNonNull(runner, "runner must not be null");
		this.appliesMigrations = appliesMigrations;
		this.secrets = List.copyOf(secrets);
	}

	@Override
	public Health health() {
		List<MigrationStatus> statuses;
		Set<MigrationId> own;
		try {
			statuses = this.runner.status();
			// The migrations this instance defines, as its runner knows them: asked
			// here, not when the indicator is made, so that a start the index ends does
			// not load them
			own = this.runner.descriptors()
				.stream()
				.map(MigrationDescriptor::id)
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (RuntimeException ex) {
			String error = ex.getClass().getName() + ": " + mask(ex.getMessage());
			logger.warn("Migrations health check failed: {}", error);
			return Health.down().withDetail("error", error).build();
		}
		List<String> unknown = statuses.stream()
			.filter((status) -> !own.contains(status.id()))
			.map((status) -> status.id().toString())
			.toList();
		Health.Builder builder = status(statuses.stream().filter((status) -> own.contains(status.id())).toList());
		MigrationsSummary summary = MigrationsSummary.of(statuses);
		builder.withDetails(summary.toDetails());
		if (!unknown.isEmpty()) {
			builder.withDetail("unknown", unknown);
		}
		if (summary.inProgress() > 0) {
			inProgressIn().ifPresent((holder) -> builder.withDetail("inProgressIn", holder));
		}
		return builder.build();
	}

	private Health.Builder status(List<MigrationStatus> own) {
		if (own.stream().anyMatch((status) -> BROKEN.contains(status.state()))) {
			return Health.down();
		}
		if (!this.appliesMigrations && own.stream().anyMatch((status) -> NOT_APPLIED_YET.contains(status.state()))) {
			return Health.outOfService();
		}
		return Health.up();
	}

	/**
	 * Who applies the migrations in progress: the lock's holder, credentials masked.
	 */
	private Optional<String> inProgressIn() {
		try {
			return this.runner.lockHolder().map((holder) -> mask(holder.toString()));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private String mask(@Nullable String text) {
		return String.valueOf(Credentials.mask(text, this.secrets));
	}

}
