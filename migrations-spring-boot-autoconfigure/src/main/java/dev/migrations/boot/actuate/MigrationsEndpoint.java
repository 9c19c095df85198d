package dev.migrations.boot.actuate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.migrations.Credentials;
import dev.migrations.ExecutedMigration;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.boot.autoconfigure.MigrationsSecrets;
import dev.migrations.catalog.CatalogChange;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.lock.LockHolder;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.MigrationTarget;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.ApplicationContext;

/**
 * {@link Endpoint @Endpoint} that shows the migrations of every {@link MigrationRunner}
 * bean: what is applied, pending, failed, out of order or edited, who holds the lock and
 * how long each migration took. Its write operations apply, roll back and pretend; like
 * every write operation they are available only with
 * {@code management.endpoint.migrations.access=unrestricted}. No response carries a
 * credential: recorded errors and lock holders are masked, the configured passwords
 * ({@link MigrationsSecrets}) among them. Thread-safe.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	private final ApplicationContext context;

	private final List<String> secrets;

	/**
	 * Create an endpoint over the runners of a context and its ancestors, masking the
	 * passwords that the context's environment configures.
	 * @param context the application context
	 */
	public MigrationsEndpoint(ApplicationContext context) {
		this.context = context;
		this.secrets = MigrationsSecrets.of(context.getEnvironment());
	}

	/**
	 * Describe the runners of every context, from this one to the root.
	 * @return the description
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<@Nullable String, ContextMigrationsDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, RunnerDescriptor> runners = new LinkedHashMap<>();
			runnersOutsideFleets(target).forEach((name, runner) -> runners.put(name, describe(runner)));
			Map<String, FleetDescriptor> fleets = new LinkedHashMap<>();
			target.getBeansOfType(MigrationFleet.class, false, false)
				.forEach((name, fleet) -> fleets.put(name,
						FleetDescriptor.of(fleet.parallelism(), fleet.status(), this.secrets)));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(), new ContextMigrationsDescriptor(runners, fleets.isEmpty() ? null : fleets,
					(parent != null) ? parent.getId() : null));
			target = parent;
		}
		return new MigrationsDescriptor(contexts);
	}

	/**
	 * Describe one migration with the SQL of its up plan; or, for {@code drift} (which no
	 * migration id can be), the drift of each runner's database: the differences between
	 * what it holds and the schema its applied migrations build, replayed on a shadow
	 * database on request.
	 * @param id the id of the migration, or {@code drift}
	 * @param runner the name of the runner bean, needed only when several runners know
	 * the migration; for drift, the one runner to compare
	 * @return the migration or the drift, or {@code null} when no runner knows the
	 * migration
	 */
	@ReadOperation
	public @Nullable Object migration(@Selector String id, @Nullable String runner) {
		if (id.equals("drift")) {
			return drift(runner);
		}
		Map<String, MigrationRunner> candidates = runners(runner);
		for (Map.Entry<String, MigrationRunner> candidate : candidates.entrySet()) {
			Optional<MigrationStatus> status = candidate.getValue()
				.status()
				.stream()
				.filter((each) -> each.id().toString().equals(id))
				.findFirst();
			if (status.isPresent()) {
				MigrationDescriptor descriptor = candidate.getValue()
					.descriptors()
					.stream()
					.filter((each) -> each.id().toString().equals(id))
					.findFirst()
					.orElse(null);
				List<String> upSql = (descriptor != null)
						? masked(candidate.getValue().pretend().up(descriptor).statements(), this.secrets) : null;
				return new MigrationDetailDescriptor(candidate.getKey(),
						MigrationDescriptorView.of(status.get(), this.secrets), upSql);
			}
		}
		return null;
	}

	/**
	 * Describe one target of the fleet, as {@link #migrations()} describes a runner:
	 * {@code GET /actuator/migrations/fleet/{target}}.
	 * @param kind {@code fleet}
	 * @param target the target's name, such as its schema's
	 * @return the target's migrations, or {@code null} when there is no fleet or it does
	 * not list the target
	 */
	@ReadOperation
	public @Nullable RunnerDescriptor fleetTarget(@Selector String kind, @Selector String target) {
		if (!kind.equals("fleet")) {
			return null;
		}
		for (MigrationFleet fleet : this.context.getBeansOfType(MigrationFleet.class, false, false).values()) {
			for (MigrationTarget listed : fleet.targets()) {
				if (listed.name().equals(target)) {
					return describe(fleet.runner(listed));
				}
			}
		}
		return null;
	}

	/**
	 * Describe the drift of each runner's database (or of one): the differences between
	 * what it holds and the schema its applied migrations build, replayed on a shadow
	 * database now. {@code GET /actuator/migrations/drift}.
	 * @param runner the name of the runner bean, or {@code null} for every runner
	 * @return the drift of each
	 */
	public DriftDescriptor drift(@Nullable String runner) {
		Map<String, RunnerDriftDescriptor> drifts = new LinkedHashMap<>();
		runners(runner).forEach((name, candidate) -> drifts.put(name, drift(candidate)));
		return new DriftDescriptor(drifts);
	}

	/**
	 * Apply, roll back or pretend: {@code apply} applies at most {@code limit} pending
	 * migrations (all by default), {@code rollback} rolls back the last {@code steps}
	 * batches (one by default), {@code pretend} returns the SQL that {@code apply} (or,
	 * with {@code steps}, {@code rollback}) would run, changing nothing.
	 * @param action {@code apply}, {@code rollback} or {@code pretend}
	 * @param limit how many migrations to apply at most, or {@code null} for all
	 * @param steps how many batches to roll back, or {@code null}
	 * @param runner the name of the runner bean, needed only when there are several
	 * @return what ran, or would run
	 */
	@WriteOperation
	public ActionDescriptor migrate(@Selector String action, @Nullable Integer limit, @Nullable Integer steps,
			@Nullable String runner) {
		Map.Entry<String, MigrationRunner> target = singleRunner(runner);
		requirePositive("limit", limit);
		requirePositive("steps", steps);
		requireOneCount(action, limit, steps);
		MigrationRunner migrationRunner = target.getValue();
		return switch (action) {
			case "apply" -> ActionDescriptor.ran(target.getKey(), action,
					migrationRunner.applyAll((limit != null) ? limit : Integer.MAX_VALUE));
			case "rollback" ->
				ActionDescriptor.ran(target.getKey(), action, migrationRunner.rollback((steps != null) ? steps : 1));
			case "pretend" -> ActionDescriptor.planned(target.getKey(), action,
					(steps != null) ? migrationRunner.pretend().rollback(steps)
							: migrationRunner.pretend().applyAll((limit != null) ? limit : Integer.MAX_VALUE),
					this.secrets);
			default -> throw new InvalidEndpointRequestException("Unknown action '" + action + "'",
					"Unknown action: use apply, rollback or pretend");
		};
	}

	/**
	 * Return the name of the runner a write operation acts on.
	 * @param runner the name given, or {@code null}
	 * @return the name
	 */
	String runnerName(@Nullable String runner) {
		return singleRunner(runner).getKey();
	}

	/**
	 * Mask the configured passwords in a text, as every response of the endpoint does.
	 * @param text the text
	 * @return the masked text
	 */
	String mask(String text) {
		return String.valueOf(Credentials.mask(text, this.secrets));
	}

	/**
	 * Refuse a count that the action does not take, rather than run more than was asked:
	 * {@code apply} takes a {@code limit}, {@code rollback} takes {@code steps}, and
	 * {@code pretend} one of the two.
	 */
	private static void requireOneCount(String action, @Nullable Integer limit, @Nullable Integer steps) {
		String refused = switch (action) {
			case "apply" -> (steps != null) ? "apply takes limit, not steps" : null;
			case "rollback" -> (limit != null) ? "rollback takes steps, not limit" : null;
			case "pretend" -> (limit != null && steps != null)
					? "pretend takes limit (to pretend an apply) or steps (to pretend a rollback), not both" : null;
			default -> null;
		};
		if (refused != null) {
			throw new InvalidEndpointRequestException(refused + "; nothing was run", refused);
		}
	}

	/**
	 * Mask the configured passwords and secret placeholder values in statements: the SQL
	 * a response shows is the SQL a run would send, with the values replaced in it.
	 */
	private static List<String> masked(List<String> statements, List<String> secrets) {
		return statements.stream().map((statement) -> String.valueOf(Credentials.mask(statement, secrets))).toList();
	}

	private static void requirePositive(String name, @Nullable Integer value) {
		if (value != null && value < 1) {
			throw new InvalidEndpointRequestException(name + " must be at least 1, was " + value,
					name + " must be at least 1");
		}
	}

	private Map<String, MigrationRunner> runners(@Nullable String name) {
		Map<String, MigrationRunner> runners = runnersOutsideFleets(this.context);
		if (name == null) {
			return runners;
		}
		MigrationRunner runner = runners.get(name);
		if (runner == null) {
			if (this.context.getBeansOfType(MigrationRunner.class, false, false).containsKey(name)) {
				throw new InvalidEndpointRequestException("The MigrationRunner bean '" + name + "' is the template "
						+ "of a fleet: its migrations run in the fleet's targets, each shown at "
						+ "/actuator/migrations/fleet/{target}", "The runner is a fleet's template");
			}
			throw new InvalidEndpointRequestException("No MigrationRunner bean named '" + name + "'", "No such runner");
		}
		return Map.of(name, runner);
	}

	/**
	 * Return the runners of a context that are not a fleet's template: a fleet leaves its
	 * template's own ledger alone, so its status would show every migration pending, and
	 * an apply would migrate a schema the fleet does not list.
	 */
	private static Map<String, MigrationRunner> runnersOutsideFleets(ApplicationContext context) {
		List<MigrationRunner> templates = context.getBeansOfType(MigrationFleet.class, false, false)
			.values()
			.stream()
			.map(MigrationFleet::template)
			.toList();
		Map<String, MigrationRunner> runners = new LinkedHashMap<>();
		context.getBeansOfType(MigrationRunner.class, false, false).forEach((name, runner) -> {
			if (templates.stream().noneMatch((template) -> template == runner)) {
				runners.put(name, runner);
			}
		});
		return runners;
	}

	private Map.Entry<String, MigrationRunner> singleRunner(@Nullable String name) {
		Map<String, MigrationRunner> runners = runners(name);
		if (runners.isEmpty() && !this.context.getBeansOfType(MigrationFleet.class, false, false).isEmpty()) {
			throw new InvalidEndpointRequestException("The migrations run in a fleet's targets, each shown at "
					+ "/actuator/migrations/fleet/{target}; the endpoint does not apply to or roll back a fleet",
					"The migrations run in a fleet");
		}
		if (runners.size() != 1) {
			throw new InvalidEndpointRequestException("There are " + runners.size() + " MigrationRunner beans "
					+ runners.keySet() + "; name one with the runner parameter", "Name the runner");
		}
		return runners.entrySet().iterator().next();
	}

	private RunnerDescriptor describe(MigrationRunner runner) {
		List<MigrationStatus> statuses = runner.status();
		LockHolder holder = runner.lockHolder().orElse(null);
		return new RunnerDescriptor(database(runner), runner.ledger().describe(), MigrationsSummary.of(statuses),
				(holder != null) ? new LockDescriptor(mask(holder.owner()), holder.since()) : null,
				statuses.stream().map((status) -> MigrationDescriptorView.of(status, this.secrets)).toList());
	}

	private RunnerDriftDescriptor drift(MigrationRunner runner) {
		try {
			CatalogDiff drift = runner.drift();
			return new RunnerDriftDescriptor(!drift.isEmpty(),
					drift.changes().stream().map(CatalogChange::describe).toList(), null);
		}
		catch (RuntimeException ex) {
			return new RunnerDriftDescriptor(null, List.of(), mask(String.valueOf(ex.getMessage())));
		}
	}

	private static String database(MigrationRunner runner) {
		try (Connection connection = runner.dataSource().getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			return database(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
		}
		catch (SQLException ex) {
			return runner.dialect().name();
		}
	}

	/**
	 * Name a database and its version from what the driver reports: the version up to the
	 * first space, and for MariaDB the server's own version, also behind MySQL
	 * Connector/J, which reports the product {@code MySQL} and the version
	 * {@code 5.5.5-10.11.19-MariaDB}.
	 * @param product the product name
	 * @param version the product version
	 * @return the text
	 */
	static String database(String product, String version) {
		String text = version.trim();
		int space = text.indexOf(' ');
		if (space > 0) {
			text = text.substring(0, space);
		}
		if (!text.toLowerCase(Locale.ROOT).contains("mariadb")) {
			return product + " " + text;
		}
		if (text.startsWith("5.5.5-")) {
			text = text.substring("5.5.5-".length());
		}
		int dash = text.indexOf('-');
		return "MariaDB " + ((dash > 0) ? text.substring(0, dash) : text);
	}

	/**
	 * The drift of each runner's database.
	 *
	 * @param runners the drift, by runner bean name
	 */
	public record DriftDescriptor(Map<String, RunnerDriftDescriptor> runners) implements OperationResponseBody {

	}

	/**
	 * The drift of one database: whether it differs from the schema its applied
	 * migrations build, and each difference ({@code +} only in the database, {@code -}
	 * only in the migrations, {@code ~} different).
	 *
	 * @param drift whether there is drift, or {@code null} when it could not be computed
	 * @param changes the differences
	 * @param error why it could not be computed, or {@code null}
	 */
	public record RunnerDriftDescriptor(@Nullable Boolean drift, List<String> changes, @Nullable String error) {

	}

	/**
	 * The runners of every context of the application, by context id.
	 *
	 * @param contexts the contexts
	 */
	public record MigrationsDescriptor(
			Map<@Nullable String, ContextMigrationsDescriptor> contexts) implements OperationResponseBody {

	}

	/**
	 * The runners of one application context, by bean name, and its fleets.
	 *
	 * @param runners the runners
	 * @param fleets the fleets, by bean name, or {@code null} when there is none
	 * @param parentId the id of the parent context, or {@code null}
	 */
	public record ContextMigrationsDescriptor(Map<String, RunnerDescriptor> runners,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, FleetDescriptor> fleets,
			@Nullable String parentId) {

	}

	/**
	 * One runner: its database, ledger, summary, lock holder and migrations.
	 *
	 * @param database the database product and version, such as {@code PostgreSQL 15.4}
	 * @param ledger the ledger, such as {@code public.migrations_ledger}
	 * @param summary the counts by state
	 * @param lock who holds the migration lock, or {@code null} when it is free
	 * @param migrations every migration known to the sources or the ledger, by id
	 */
	public record RunnerDescriptor(String database, String ledger, MigrationsSummary summary,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable LockDescriptor lock,
			List<MigrationDescriptorView> migrations) implements OperationResponseBody {

	}

	/**
	 * Who holds the migration lock.
	 *
	 * @param owner the holder, such as a backend process id
	 * @param since when it took the lock, or {@code null} when the database does not say
	 */
	public record LockDescriptor(String owner, @Nullable Instant since) {

	}

	/**
	 * One migration: its state, and when and how fast it was applied.
	 *
	 * @param id the id
	 * @param name the snake_case name
	 * @param state the state
	 * @param batch the batch that applied it, or {@code null}
	 * @param appliedAt when it was applied, or {@code null}
	 * @param executionMs how long it took, or {@code null}
	 * @param checksum the checksum of its source, or {@code null} when it is missing
	 * @param appliedChecksum the checksum recorded when it was applied, when that differs
	 * from {@code checksum}, or {@code null}
	 * @param source where it comes from, or {@code null} when it is missing
	 * @param error the recorded failure, with credentials masked, or {@code null}
	 */
	public record MigrationDescriptorView(String id, String name, MigrationState state, @Nullable Integer batch,
			@Nullable Instant appliedAt, @Nullable Long executionMs, @Nullable String checksum,
			@Nullable String appliedChecksum, @Nullable String source, @Nullable String error) {

		static MigrationDescriptorView of(MigrationStatus status, List<String> secrets) {
			String appliedChecksum = (status.appliedChecksum() != null
					&& !status.appliedChecksum().equals(status.checksum())) ? status.appliedChecksum() : null;
			return new MigrationDescriptorView(status.id().toString(), status.name(), status.state(), status.batch(),
					status.appliedAt(), status.executionMs(), status.checksum(), appliedChecksum, status.source(),
					Credentials.mask(status.error(), secrets));
		}

	}

	/**
	 * One migration with the SQL of its up plan.
	 *
	 * @param runner the name of the runner bean that knows it
	 * @param migration the migration
	 * @param upSql the statements of its up plan for this database, or {@code null} when
	 * no source defines it any more
	 */
	public record MigrationDetailDescriptor(String runner, MigrationDescriptorView migration,
			@Nullable List<String> upSql) implements OperationResponseBody {

	}

	/**
	 * What a write operation did, or would do.
	 *
	 * @param runner the name of the runner bean
	 * @param action {@code apply}, {@code rollback} or {@code pretend}
	 * @param batch the batch applied, or {@code null} for a rollback or a pretend
	 * @param migrations the migrations, in the order they ran or would run
	 */
	public record ActionDescriptor(String runner, String action, @Nullable Integer batch,
			List<ActionMigrationDescriptor> migrations) implements OperationResponseBody {

		static ActionDescriptor ran(String runner, String action, MigrationResult result) {
			List<ActionMigrationDescriptor> migrations = new ArrayList<>();
			for (ExecutedMigration migration : result.migrations()) {
				migrations.add(new ActionMigrationDescriptor(migration.id().toString(), migration.direction().name(),
						migration.executionMs(), null));
			}
			return new ActionDescriptor(runner, action, (result.batch() > 0) ? result.batch() : null, migrations);
		}

		static ActionDescriptor planned(String runner, String action, List<PlannedMigration> plans,
				List<String> secrets) {
			List<ActionMigrationDescriptor> migrations = new ArrayList<>();
			for (PlannedMigration plan : plans) {
				migrations.add(new ActionMigrationDescriptor(plan.id().toString(), plan.direction().name(), null,
						masked(plan.statements(), secrets)));
			}
			return new ActionDescriptor(runner, action, null, migrations);
		}

	}

	/**
	 * One migration that a write operation ran, or would run.
	 *
	 * @param id the id
	 * @param direction {@code UP} or {@code DOWN}
	 * @param executionMs how long it took, or {@code null} for a pretend
	 * @param statements the SQL it would run, or {@code null} when it ran
	 */
	public record ActionMigrationDescriptor(String id, String direction, @Nullable Long executionMs,
			@Nullable List<String> statements) {

	}

}
