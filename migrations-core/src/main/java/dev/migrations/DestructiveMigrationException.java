package dev.migrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown when pending migrations would destroy data the database holds, and neither the
 * migrations are marked destructive ({@link Migration#destructive()}, the header line
 * {@code -- migrations: destructive} of a SQL file) nor the run allows destructive
 * changes. Thrown before anything of the run is applied: the database and the ledger are
 * as they were. {@link #changes()} says what would be lost; the remedy says both ways
 * out.
 */
public class DestructiveMigrationException extends MigrationException {

	private final List<DestructiveChange> changes;

	/**
	 * Create an exception for the changes of one run.
	 * @param changes what would be lost, in the order the run would make the changes; not
	 * empty
	 * @param writtenIn {@code sql}, {@code java} or {@code both}: how the migrations that
	 * make them are written, so that the remedy says how to mark them
	 */
	public DestructiveMigrationException(List<DestructiveChange> changes, String writtenIn) {
		super(describe(changes), remedy(changes, writtenIn));
		this.changes = List.copyOf(changes);
	}

	/**
	 * Return what the run would destroy.
	 * @return the changes, in the order the run would make them
	 */
	public List<DestructiveChange> changes() {
		return this.changes;
	}

	private static String describe(List<DestructiveChange> changes) {
		Map<MigrationId, List<String>> byMigration = new LinkedHashMap<>();
		changes.forEach((change) -> byMigration.computeIfAbsent(change.migration(), (id) -> new ArrayList<>())
			.add(change.describe()));
		StringBuilder description = new StringBuilder();
		byMigration.forEach((migration, losses) -> description.append("Migration ")
			.append(migration)
			.append(" would destroy data: it ")
			.append(String.join(", and ", losses))
			.append(".\n"));
		return description.append("Nothing of this run was applied.").toString();
	}

	private static Remedy remedy(List<DestructiveChange> changes, String writtenIn) {
		List<MigrationId> migrations = changes.stream().map(DestructiveChange::migration).distinct().toList();
		Remedy remedy = (migrations.size() == 1) ? Remedy.of(Remedy.Kind.CONFIRM_DESTRUCTIVE, migrations.get(0))
				: Remedy.of(Remedy.Kind.CONFIRM_DESTRUCTIVE);
		return remedy.with(Remedy.Fact.WRITTEN_IN, writtenIn);
	}

}
