package dev.migrations.boot.actuate;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migrations.MigrationRunner;
import dev.migrations.internal.Credentials;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for the migrations of one {@link MigrationRunner}:
 * {@link Status#DOWN} when a migration failed, was interrupted or was edited after it was
 * applied, {@link Status#OUT_OF_SERVICE} when migrations are pending or another instance
 * is applying them now, {@link Status#UP} otherwise; the details carry the
 * {@link MigrationsSummary}. Reads the ledger on every check; when that fails the status
 * is {@link Status#DOWN} with the error, credentials masked (and the given secrets, such
 * as the configured passwords). Thread-safe.
 */
public class MigrationsHealthIndicator implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsHealthIndicator.class);

	private final MigrationRunner runner;

	private final List<String> secrets;

	/**
	 * Create an indicator for one runner.
	 * @param runner the runner
	 */
	public MigrationsHealthIndicator(MigrationRunner runner) {
		this(runner, List.of());
	}

	/**
	 * Create an indicator for one runner whose details never carry the given secrets.
	 * @param runner the runner
	 * @param secrets values, such as the configured passwords, to mask in the details
	 */
	public MigrationsHealthIndicator(MigrationRunner runner, Collection<String> secrets) {
		this.runner = Objects.requireNonNull(runner, "runner must not be null");
		this.secrets = List.copyOf(secrets);
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

	@Override
	public Health health() {
		MigrationsSummary summary;
		try {
			summary = MigrationsSummary.of(this.runner.status());
		}
		catch (RuntimeException ex) {
			String error = ex.getClass().getName() + ": " + mask(ex.getMessage());
			logger.warn("Migrations health check failed: {}", error);
			return Health.down().withDetail("error", error).build();
		}
		Health.Builder builder;
		if (summary.isBroken()) {
			builder = Health.down();
		}
		else if (summary.pending() > 0) {
			builder = Health.outOfService();
		}
		else {
			builder = Health.up();
		}
		builder.withDetails(summary.toDetails());
		if (summary.inProgress() > 0) {
			inProgressIn().ifPresent((holder) -> builder.withDetail("inProgressIn", holder));
		}
		return builder.build();
	}

	private String mask(@Nullable String text) {
		return String.valueOf(Credentials.mask(text, this.secrets));
	}

}
