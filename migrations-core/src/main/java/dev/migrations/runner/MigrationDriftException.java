package dev.migrations.runner;

import dev.migrations.MigrationException;
import dev.migrations.catalog.CatalogDiff;

/**
 * Thrown by a run verified with {@link dev.migrations.Verification#FAIL} when, after
 * applying, the database differs from the schema its migrations build. What the run
 * applied stays applied and recorded.
 */
public class MigrationDriftException extends MigrationException {

	private final transient CatalogDiff drift;

	/**
	 * Create an exception for a drift.
	 * @param description what happened
	 * @param drift the differences, from the schema the migrations build to the database
	 */
	public MigrationDriftException(String description, CatalogDiff drift) {
		super(description);
		this.drift = drift;
	}

	/**
	 * Return the differences: the changes that turn the schema the migrations build into
	 * what the database holds.
	 * @return the drift
	 */
	public CatalogDiff drift() {
		return this.drift;
	}

}
