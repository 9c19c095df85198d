package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrations.Direction;
import dev.migrations.ExecutedMigration;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationResult;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.lock.HeldLock;
import dev.migrations.source.SquashFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an apply loads a squash instead of the migrations it replaces, and
 * loads it: the newest squash written for the database's dialect is loaded on a database
 * whose ledger is empty, in a batch of its own before the migrations after it; a database
 * with history ignores it, unless it holds part of the migrations the squash replaces
 * while the others are pending, which is refused. Thread-safe.
 */
final class SquashLoader {

	private static final Logger logger = LoggerFactory.getLogger(SquashLoader.class);

	private final List<SquashFile> squashes;

	private final Map<MigrationId, MigrationDescriptor> descriptors;

	private final MigrationExecutor executor;

	private final LedgerReader reader;

	SquashLoader(RunnerSettings settings, MigrationExecutor executor, LedgerReader reader) {
		this.reader = reader;
		this.squashes = settings.squashes();
		this.descriptors = new LinkedHashMap<>();
		settings.descriptors().forEach((descriptor) -> this.descriptors.put(descriptor.id(), descriptor));
		this.executor = executor;
	}

	/**
	 * Return what an apply runs: the squash it loads first, if the ledger is empty, and
	 * the pending migrations that the squash does not replace, at most {@code limit} in
	 * all.
	 * @param view the ledger
	 * @param pending every pending migration, in order
	 * @param limit how many to run at most, the squash counting as one
	 * @return the squash, if any, and the migrations after it
	 * @throws MigrationException if a squash cannot be loaded on an empty ledger, or the
	 * ledger holds part of the migrations the squash replaces
	 */
	Start start(LedgerView view, List<MigrationDescriptor> pending, int limit) {
		Optional<SquashFile> squash = select(view, pending);
		List<MigrationDescriptor> after = squash
			.map((loaded) -> pending.stream().filter((migration) -> !loaded.replaced().containsKey(migration.id())))
			.orElseGet(pending::stream)
			.limit(squash.isPresent() ? limit - 1 : limit)
			.toList();
		return new Start(squash, after);
	}

	/**
	 * Load the squash of a start, if it has one, in the view's next batch, then run the
	 * rest on the ledger as the load left it.
	 * @param connection the connection that applies migrations
	 * @param lock the held lock
	 * @param view the ledger before the load
	 * @param start what the apply runs
	 * @param rest runs the migrations after the squash, given the ledger read again after
	 * the load
	 * @return what ran, the squash first
	 * @throws SQLException on a database error outside any migration
	 */
	MigrationResult loadThen(Connection connection, HeldLock lock, LedgerView view, Start start, Rest rest)
			throws SQLException {
		if (start.squash().isEmpty()) {
			return rest.run(view);
		}
		SquashFile squash = start.squash().get();
		MigrationDescriptor migration = migration(squash);
		RunPlan plan = RunPlan.squash(view.nextBatch(), squash, migration,
				this.executor.render(migration, Direction.UP));
		MigrationResult loaded = this.executor.run(connection, lock, plan, (failure, completed) -> failure);
		logger.info("Loaded the squash {} in batch {}: {} migration(s) recorded as loaded from it", squash.source(),
				loaded.batch(), squash.replaced().size());
		MigrationResult after = rest.run(this.reader.read(connection));
		List<ExecutedMigration> executed = new ArrayList<>(loaded.migrations());
		executed.addAll(after.migrations());
		return new MigrationResult(after.isEmpty() ? loaded.batch() : after.batch(), executed);
	}

	/**
	 * Return a squash as the migration that loads it: its id is the newest migration it
	 * replaces, its source the squash file.
	 * @param squash the squash
	 * @return the migration
	 */
	static MigrationDescriptor migration(SquashFile squash) {
		return MigrationEntry.buildDescriptors(List.of(squash.entry())).get(0);
	}

	/**
	 * Return the words that refuse a rollback reaching rows loaded from a squash.
	 * @param view the ledger
	 * @param squashed the selected rows that a squash loaded
	 * @return the refusal
	 */
	String rollbackRefusal(LedgerView view, List<LedgerEntry> squashed) {
		MigrationId newest = view.rows()
			.entrySet()
			.stream()
			.filter((row) -> row.getValue().state() == LedgerState.SQUASHED)
			.map(Map.Entry::getKey)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		String squash = this.squashes.stream()
			.filter((candidate) -> candidate.target().equals(newest))
			.map((candidate) -> "the squash " + candidate.source())
			.findFirst()
			.orElse("a squash");
		return squashed.size() + " of the migrations in range (" + squashed.get(squashed.size() - 1).id() + " to "
				+ squashed.get(0).id() + ") were loaded from " + squash
				+ ": their down migrations never ran on this database, which was created from the squash, so they "
				+ "cannot take it apart. Roll back no further than " + newest + " (migrate:rollback --to " + newest
				+ ")";
	}

	private Optional<SquashFile> select(LedgerView view, List<MigrationDescriptor> pending) {
		Optional<SquashFile> newest = this.squashes.stream().max(Comparator.comparing(SquashFile::target));
		if (newest.isEmpty()) {
			return Optional.empty();
		}
		SquashFile squash = newest.get();
		Set<MigrationId> pendingIds = pending.stream().map(MigrationDescriptor::id).collect(Collectors.toSet());
		List<MigrationId> notApplied = squash.replaced()
			.keySet()
			.stream()
			.filter((id) -> pendingIds.contains(id) || (!view.rows().containsKey(id) && isUndefined(id)))
			.toList();
		if (!view.isEmpty()) {
			if (!notApplied.isEmpty() && notApplied.size() < squash.replaced().size()) {
				throw partialHistory(squash, notApplied);
			}
			return Optional.empty();
		}
		requireLoadable(squash);
		return newest;
	}

	private boolean isUndefined(MigrationId id) {
		return !this.descriptors.containsKey(id);
	}

	private void requireLoadable(SquashFile squash) {
		List<String> undefined = new ArrayList<>();
		List<String> edited = new ArrayList<>();
		squash.replaced().forEach((id, checksum) -> {
			MigrationDescriptor descriptor = this.descriptors.get(id);
			if (descriptor == null) {
				undefined.add(id.toString());
			}
			else if (!descriptor.checksum().equals(checksum)) {
				edited.add(id + " (" + descriptor.source() + ")");
			}
		});
		if (!undefined.isEmpty()) {
			throw new MigrationException("Cannot load the squash " + squash.source() + " on this new database: no "
					+ "source defines " + String.join(", ", undefined) + ", which it replaces. A squash loads only "
					+ "beside the migrations it replaces, which databases with history and their rollbacks still "
					+ "need. Nothing was applied. Restore them, or move the squash out of the migration locations "
					+ "to apply the migrations one by one.");
		}
		if (!edited.isEmpty()) {
			throw new MigrationException("Cannot load the squash " + squash.source() + " on this new database: "
					+ String.join(", ", edited) + " changed after the squash was written, so the squash no longer "
					+ "creates what the migrations do. Nothing was applied. Write the squash again (migrate:squash "
					+ "--to " + squash.target() + "), or revert the change.");
		}
	}

	private static MigrationException partialHistory(SquashFile squash, List<MigrationId> notApplied) {
		int applied = squash.replaced().size() - notApplied.size();
		return new MigrationException("Cannot apply: the squash " + squash.source() + " replaces "
				+ squash.replaced().size() + " migrations up to " + squash.target() + ", and this database has "
				+ applied + " of them but not the other " + notApplied.size() + " (" + notApplied.get(0)
				+ ((notApplied.size() > 1) ? " to " + notApplied.get(notApplied.size() - 1) : "")
				+ "). A squash loads only on a database whose ledger is empty, never over part of its migrations. "
				+ "Nothing was applied. To apply them one by one here, move the squash out of the migration "
				+ "locations, apply, and put it back: a database that has every migration it replaces ignores it.");
	}

	/**
	 * What an apply runs.
	 *
	 * @param squash the squash it loads first, if any
	 * @param pending the migrations it applies after it, in order
	 */
	record Start(Optional<SquashFile> squash, List<MigrationDescriptor> pending) {

		/**
		 * Return what a dry run shows: the squash as the migration that loads it, then
		 * the pending migrations after it.
		 * @return the migrations, in the order they would run
		 */
		List<MigrationDescriptor> migrations() {
			List<MigrationDescriptor> migrations = new ArrayList<>(this.pending.size() + 1);
			this.squash.map(SquashLoader::migration).ifPresent(migrations::add);
			migrations.addAll(this.pending);
			return migrations;
		}

	}

	/**
	 * Runs the migrations after a squash.
	 */
	@FunctionalInterface
	interface Rest {

		MigrationResult run(LedgerView view) throws SQLException;

	}

}
