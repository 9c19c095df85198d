package dev.migrations.boot.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import org.jspecify.annotations.Nullable;

/**
 * Counts of the migrations of one runner by state, as the endpoint and the health
 * contributor show them. {@code applied} counts every migration the database has
 * ({@code APPLIED}, {@code BASELINE} and {@code CHECKSUM_MISMATCH}), of which
 * {@code checksumMismatch} were edited since; {@code pending} counts every migration
 * waiting to be applied, of which {@code outOfOrder} are older than the newest applied
 * one. Immutable and thread-safe.
 *
 * @param applied migrations the database has
 * @param pending migrations waiting to be applied
 * @param failed migrations that failed outside a transaction
 * @param running migrations that started outside a transaction and never finished: their
 * run died or lost the lock
 * @param inProgress migrations being applied now by the run that holds the lock
 * @param outOfOrder pending migrations older than the newest applied one
 * @param checksumMismatch applied migrations whose source changed since
 * @param missing applied migrations in the ledger that no source defines
 * @param lastBatch the newest batch number, or {@code null} when nothing was applied
 * @param current the newest applied migration, or {@code null} when nothing was applied
 */
public record MigrationsSummary(int applied, int pending, int failed, int running, int inProgress, int outOfOrder,
		int checksumMismatch, int missing, @Nullable Integer lastBatch, @Nullable String current) {

	/**
	 * Summarize the statuses of one runner.
	 * @param statuses the statuses, sorted by id
	 * @return the summary
	 */
	public static MigrationsSummary of(List<MigrationStatus> statuses) {
		int applied = 0;
		int pending = 0;
		int failed = 0;
		int running = 0;
		int inProgress = 0;
		int outOfOrder = 0;
		int checksumMismatch = 0;
		int missing = 0;
		Integer lastBatch = null;
		String current = null;
		for (MigrationStatus status : statuses) {
			switch (status.state()) {
				case APPLIED, BASELINE -> applied++;
				case CHECKSUM_MISMATCH -> {
					applied++;
					checksumMismatch++;
				}
				case PENDING -> pending++;
				case OUT_OF_ORDER -> {
					pending++;
					outOfOrder++;
				}
				case FAILED -> failed++;
				case RUNNING -> running++;
				case IN_PROGRESS -> inProgress++;
				case MISSING -> missing++;
			}
			if (status.batch() != null && (lastBatch == null || status.batch() > lastBatch)) {
				lastBatch = status.batch();
			}
			if (isApplied(status.state())) {
				current = status.id().toString();
			}
		}
		return new MigrationsSummary(applied, pending, failed, running, inProgress, outOfOrder, checksumMismatch,
				missing, lastBatch, current);
	}

	private static boolean isApplied(MigrationState state) {
		return state == MigrationState.APPLIED || state == MigrationState.BASELINE || state == MigrationState.SQUASHED
				|| state == MigrationState.CHECKSUM_MISMATCH;
	}

	/**
	 * Return the summary as health details, without the {@code null} values.
	 * @return the details
	 */
	Map<String, Object> toDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("applied", this.applied);
		details.put("pending", this.pending);
		details.put("failed", this.failed);
		details.put("running", this.running);
		details.put("inProgress", this.inProgress);
		details.put("outOfOrder", this.outOfOrder);
		details.put("checksumMismatch", this.checksumMismatch);
		details.put("missing", this.missing);
		if (this.lastBatch != null) {
			details.put("lastBatch", this.lastBatch);
		}
		if (this.current != null) {
			details.put("current", this.current);
		}
		return details;
	}

}
