package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrations.DestructiveChange;
import dev.migrations.Direction;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationId;
import dev.migrations.PlannedMigration;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.dialect.Dialect;
import dev.migrations.internal.Jdbc;
import dev.migrations.schema.SchemaOperation;

/**
 * A dry-run view of a {@link MigrationRunner}: each method returns the exact SQL, per
 * migration, that the runner's method of the same name would execute on the connected
 * database. It takes no lock and changes nothing, not even creating the ledger table.
 * Thread-safe.
 */
public final class PretendRunner {

	private final DataSource connections;

	private final Dialect dialect;

	private final RunChecks checks;

	private final LedgerReader reader;

	private final MigrationExecutor executor;

	private final DestructiveGuard guard;

	private final SchemaReplay replay;

	private final SquashLoader squashes;

	private final List<MigrationDescriptor> descriptors;

	private final LedgerAdoption adoption;

	PretendRunner(RunnerSettings settings, RunChecks checks, LedgerReader reader, MigrationExecutor executor,
			DestructiveGuard guard, SchemaReplay replay, SquashLoader squashes, LedgerAdoption adoption) {
		this.connections = settings.connections();
		this.dialect = settings.dialect();
		this.descriptors = settings.descriptors();
		this.checks = checks;
		this.reader = reader;
		this.executor = executor;
		this.guard = guard;
		this.replay = replay;
		this.squashes = squashes;
		this.adoption = adoption;
	}

	/**
	 * Plan applying every pending migration.
	 * @return the plans, in the order they would run
	 */
	public List<PlannedMigration> applyAll() {
		return applyAll(Integer.MAX_VALUE);
	}

	/**
	 * Plan applying at most {@code limit} pending migrations. The script of a migration
	 * that a run would refuse as destructive starts with a comment line that says so. On
	 * a database whose ledger is empty, a squash of the migrations comes first, as the
	 * migration with the id of the newest one it replaces and the squash file as source.
	 * Where the apply would baseline the database first (baseline-on-migrate), only the
	 * migrations after the baseline are planned.
	 * @param limit how many at most, a squash counting as one
	 * @return the plans, in the order they would run
	 */
	public List<PlannedMigration> applyAll(int limit) {
		MigrationRunner.requirePositive(limit, "limit");
		return Jdbc.withConnection(this.connections, (connection) -> {
			LedgerView view = this.adoption.planned(connection, this.reader.readUnlocked(connection));
			SquashLoader.Start start = this.squashes.start(view, this.checks.selectPending(view, Integer.MAX_VALUE),
					limit);
			Map<MigrationDescriptor, List<SchemaOperation>> plans = this.executor.render(start.migrations(),
					Direction.UP);
			Map<MigrationDescriptor, List<DestructiveChange>> refused = this.guard.judge(connection, start.pending());
			List<PlannedMigration> planned = PlanText.planned(plans, Direction.UP, this.dialect, connection);
			return planned.stream().map((plan) -> warned(plan, refused)).toList();
		});
	}

	/**
	 * Return the text of a squash of the migrations up to and including one: the SQL that
	 * they run on this database, in order, each migration's script as
	 * {@link #up(MigrationDescriptor)} shows it, under a header that names them with
	 * their checksums. Reads nothing from the database but its session, changes nothing.
	 * @param target the newest migration the squash replaces
	 * @return the text of the squash file
	 * @throws MigrationDefinitionException if no migration has the id, or one of the
	 * migrations runs Java code, which a SQL file cannot hold
	 * @see dev.migrations.source.SquashFile
	 */
	public String squash(MigrationId target) {
		Objects.requireNonNull(target, "target must not be null");
		return Jdbc.withConnection(this.connections,
				(connection) -> SquashWriter.text(target, this.descriptors, this.executor, this.dialect, connection));
	}

	/**
	 * Return the change each of at most {@code limit} pending migrations makes to the
	 * schema: the migrations the ledger records as applied are replayed on a shadow
	 * database (see {@link MigrationRunner#expectedSchema()}), then each pending one is
	 * applied there in turn and the schema compared before and after it; a squash that
	 * {@link #applyAll(int)} would load first counts as one migration. The live database
	 * is not changed.
	 * @param limit how many at most
	 * @return the change of each, by id, in the order they would run
	 * @throws dev.migrations.MigrationException if no shadow database can be had, or a
	 * migration fails on it
	 */
	public Map<MigrationId, CatalogDiff> schemaChanges(int limit) {
		MigrationRunner.requirePositive(limit, "limit");
		return Jdbc.withConnection(this.connections, (connection) -> {
			LedgerView view = this.reader.readUnlocked(connection);
			return this.replay.pendingChanges(connection,
					this.squashes.start(view, this.checks.selectPending(view, Integer.MAX_VALUE), limit).migrations());
		});
	}

	/**
	 * Render the up plan of one migration, whatever its state: the SQL it ran with, or
	 * would run with, on the connected database. Reads neither the ledger nor the
	 * database.
	 * @param migration one of the runner's {@link MigrationRunner#descriptors()}
	 * @return its up plan
	 * @throws MigrationDefinitionException if the database cannot run an operation of it
	 */
	public PlannedMigration up(MigrationDescriptor migration) {
		Objects.requireNonNull(migration, "migration must not be null");
		return PlanText.planned(this.executor.render(List.of(migration), Direction.UP), Direction.UP, this.dialect)
			.get(0);
	}

	/**
	 * Plan rolling back the last batch.
	 * @return the plans, in the order they would run
	 */
	public List<PlannedMigration> rollback() {
		return rollback(1);
	}

	/**
	 * Plan rolling back the last {@code steps} batches.
	 * @param steps how many batches
	 * @return the plans, in the order they would run
	 */
	public List<PlannedMigration> rollback(int steps) {
		MigrationRunner.requirePositive(steps, "steps");
		return planRollback((view) -> view.lastBatches(steps));
	}

	/**
	 * Plan rolling back every migration applied after {@code target}.
	 * @param target the migration to keep
	 * @return the plans, in the order they would run
	 * @throws MigrationDefinitionException if the target is neither applied nor defined
	 * by a source
	 */
	public List<PlannedMigration> rollbackTo(MigrationId target) {
		Objects.requireNonNull(target, "target must not be null");
		return planRollback((view) -> view.appliedAfter(target));
	}

	private List<PlannedMigration> planRollback(RollbackSelection selection) {
		return Jdbc.withConnection(this.connections, (connection) -> {
			LedgerView view = this.reader.readUnlocked(connection);
			return planned(this.checks.selectRollback(view, selection.select(view)), Direction.DOWN, connection);
		});
	}

	/**
	 * Return plans as a dry run shows them, their scripts putting the session of the
	 * connection they are made on back after each migration that may change it.
	 */
	private List<PlannedMigration> planned(List<MigrationDescriptor> migrations, Direction direction,
			Connection connection) throws SQLException {
		return PlanText.planned(this.executor.render(migrations, direction), direction, this.dialect, connection);
	}

	/**
	 * Return a plan whose script starts with a comment line for each change that a run
	 * would refuse, as a dry run shows it.
	 */
	private static PlannedMigration warned(PlannedMigration plan,
			Map<MigrationDescriptor, List<DestructiveChange>> refused) {
		List<String> warnings = refused.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().id().equals(plan.id()))
			.flatMap((entry) -> entry.getValue().stream())
			.map((change) -> "-- ! destructive: it " + change.describe()
					+ "; a run refuses it unless the migration is marked destructive or the run allows it")
			.toList();
		if (warnings.isEmpty()) {
			return plan;
		}
		String script = String.join("\n", warnings) + (plan.script().isEmpty() ? "" : "\n" + plan.script());
		return new PlannedMigration(plan.id(), plan.source(), plan.direction(), plan.statements(), script);
	}

}
