package dev.migrations.runner;

import java.util.List;
import java.util.Optional;

import dev.migrations.MigrationResult;
import dev.migrations.Verification;
import dev.migrations.internal.Jdbc;
import dev.migrations.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an apply that has nothing to do. Before an apply takes the lock, it reads the
 * ledger once, without the lock: when the ledger exists with its newest layout and shows
 * every migration applied up to the target, with checksums that match where applies
 * validate and no failed or unfinished row, the apply ends there, takes no lock and
 * writes nothing. That answer holds however other runners go on: what the read shows
 * applied stays applied, and a run in progress shows as a pending migration or a
 * {@code RUNNING} row, which leaves the decision to the locked run. So does anything else
 * the locked run would act on: an empty or missing ledger (created, or baselined on
 * migrate), squashes, verification after the apply, a ledger that only the locked run can
 * read, a schema that the lock creates. Thread-safe.
 */
final class UpToDate {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final RunnerSettings settings;

	private final RunChecks checks;

	UpToDate(RunnerSettings settings, RunChecks checks) {
		this.settings = settings;
		this.checks = checks;
	}

	/**
	 * Tell, from the ledger read without the lock, that an apply has nothing to do, and
	 * then end it as the locked run ends one.
	 * @return the empty result, or empty when the apply must take the lock and read the
	 * ledger again
	 */
	Optional<MigrationResult> withoutLock() {
		// A lock that creates the ledger's schema first: until it has, the schema's
		// connections may not open at all
		if (this.settings.verification() != Verification.OFF || !this.settings.squashes().isEmpty()
				|| this.settings.lock() instanceof SchemaCreatingLock) {
			return Optional.empty();
		}
		Optional<LedgerView> view = Jdbc.withConnection(this.settings.connections(),
				(connection) -> this.settings.ledger()
					.readIfInitialized(connection)
					.filter((rows) -> !rows.isEmpty())
					.map(this::view)
					.filter(this.checks::nothingToApply));
		return view.map(this::report);
	}

	/**
	 * End an apply that has nothing to do: log at which migration the database is.
	 * @param view the ledger
	 * @return the empty result
	 */
	MigrationResult report(LedgerView view) {
		return ended(view.newestApplied().map(Object::toString).orElse(null), this.settings.ledger().describe());
	}

	/**
	 * End an apply that has nothing to do: log at which migration the database is.
	 * @param newest the newest applied migration, or {@code null} when the ledger is
	 * empty
	 * @param ledger the ledger, described
	 * @return the empty result
	 */
	static MigrationResult ended(@Nullable String newest, String ledger) {
		logger.info("Database is up to date {}: no pending migrations in {}",
				(newest != null) ? "at " + newest : "with an empty ledger", ledger);
		return new MigrationResult(0, List.of());
	}

	private LedgerView view(List<LedgerEntry> rows) {
		return LedgerView.of(this.settings.descriptors(), rows);
	}

}
