package dev.migrations.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.migrations.Credentials;
import dev.migrations.Direction;
import dev.migrations.LedgerTable;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationResult;
import dev.migrations.internal.Jdbc;
import dev.migrations.internal.MaskingDataSource;
import dev.migrations.internal.SessionDataSource;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.runner.FleetResult.Outcome;
import dev.migrations.runner.FleetResult.Target;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the same migrations over many targets: the schemas of one database (one per
 * tenant, say), each with its ledger in that schema, or databases of their own. A
 * template runner gives the migrations and every option; each target gets a runner like
 * it, with its own ledger and its own lock, and targets run in parallel, a bounded number
 * at once. A failure stops its target only: the others run to the end, and the
 * {@link FleetResult} says what each did. The template's listeners hear every target's
 * runs, from several threads at once, so they must be thread-safe. Built with
 * {@link #builder(MigrationRunner)}; thread-safe once built.
 *
 * <pre class="code">
 * MigrationRunner template = MigrationRunner.builder(dataSource).locations("classpath:db/tenants").build();
 * MigrationFleet fleet = MigrationFleet.builder(template).targets(MigrationTargets.schemasLike("tenant_%")).build();
 * FleetResult result = fleet.applyAll();
 * </pre>
 */
public final class MigrationFleet {

	/**
	 * The default number of targets run at once. Each run holds two connections, one that
	 * applies migrations and one that holds the lock, so four runs use eight: within a
	 * connection pool of the default size (ten, for HikariCP) with room for the
	 * application, and few enough that a database server is not flooded at deploy.
	 */
	public static final int DEFAULT_PARALLELISM = 4;

	private static final Logger logger = LoggerFactory.getLogger(MigrationFleet.class);

	private final MigrationRunner template;

	private final List<MigrationTargets> targets;

	private final int parallelism;

	private final boolean createSchemas;

	private MigrationFleet(MigrationRunner template, List<MigrationTargets> targets, int parallelism,
			boolean createSchemas) {
		this.template = template;
		this.targets = targets;
		this.parallelism = parallelism;
		this.createSchemas = createSchemas;
	}

	/**
	 * Start building a fleet over the targets of a template runner's database.
	 * @param template the runner whose migrations and options every target gets; its data
	 * source holds the schemas that are targets, and its ledger table's name is each
	 * target's, in the target's schema
	 * @return a builder
	 */
	public static Builder builder(MigrationRunner template) {
		return new Builder(template);
	}

	/**
	 * Apply every pending migration to every target.
	 * @return the result of each target
	 * @throws dev.migrations.MigrationException if the targets cannot be listed; a
	 * failure of a target is in its result instead
	 */
	public FleetResult applyAll() {
		return run(this::applyOne);
	}

	/**
	 * Read the status of every target: applied, pending, or failed where its ledger holds
	 * a failed, interrupted or edited migration. Takes no lock and creates nothing.
	 * @return the result of each target
	 */
	public FleetResult status() {
		return run(MigrationFleet::statusOf);
	}

	/**
	 * Validate every target: failed where {@link MigrationRunner#validate()} finds
	 * problems, each named in its error. Takes no lock and creates nothing.
	 * @return the result of each target
	 */
	public FleetResult validate() {
		return run(MigrationFleet::validated);
	}

	/**
	 * Apply every pending migration to one target, such as a tenant added while the
	 * application runs, as {@link #applyAll()} applies them to each.
	 * @param target the target, listed or not
	 * @return its result
	 */
	public Target apply(MigrationTarget target) {
		return timed(Objects.requireNonNull(target, "target must not be null"), this::applyOne);
	}

	/**
	 * List the targets now, in order, each once.
	 * @return the targets
	 * @throws dev.migrations.MigrationException if they cannot be listed
	 */
	public List<MigrationTarget> targets() {
		RunnerSettings settings = this.template.settings();
		return Jdbc.withConnection(settings.connections(), (connection) -> {
			Map<String, MigrationTarget> listed = new LinkedHashMap<>();
			for (MigrationTargets source : this.targets) {
				source.list(connection).forEach((target) -> listed.putIfAbsent(target.name(), target));
			}
			return List.copyOf(listed.values());
		});
	}

	/**
	 * Return the runner of one target: the template's migrations and options, the
	 * target's ledger and lock.
	 * @param target the target
	 * @return the runner
	 */
	public MigrationRunner runner(MigrationTarget target) {
		return runner(target, this.template.settings().listener());
	}

	private MigrationRunner runner(MigrationTarget target, MigrationListener listener) {
		RunnerSettings settings = this.template.settings();
		String schema = target.schema();
		if (schema != null) {
			DataSource connections = new SessionDataSource(settings.connections(),
					new SchemaSwitch(settings.dialect(), schema));
			return new MigrationRunner(settings.retargeted(settings.dataSource(), connections, settings.secrets(),
					new LedgerTable(schema, settings.table().name()), listener, this.createSchemas));
		}
		DataSource database = Objects.requireNonNull(target.dataSource());
		List<String> secrets = new ArrayList<>(settings.secrets());
		secrets.addAll(target.secrets());
		// Connected to as the template is: retries while it is not up, its init SQL
		DataSource connections = new MaskingDataSource(settings.connecting().open(database, secrets), secrets);
		return new MigrationRunner(
				settings.retargeted(database, connections, List.copyOf(secrets), settings.table(), listener, false));
	}

	/**
	 * Return how many targets run at once at most.
	 * @return the parallelism
	 */
	public int parallelism() {
		return this.parallelism;
	}

	/**
	 * Return the runner the fleet was built on: its migrations and options are every
	 * target's, while its own ledger is not a target unless one of the targets lists it.
	 * @return the template runner
	 */
	public MigrationRunner template() {
		return this.template;
	}

	private FleetResult run(Function<MigrationRunner, Found> work) {
		long started = System.nanoTime();
		List<MigrationTarget> listed = targets();
		ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(this.parallelism, listed.size())),
				new FleetThreads());
		List<Target> results = new ArrayList<>();
		try {
			List<Future<Target>> futures = listed.stream()
				.map((target) -> executor.submit(() -> timed(target, work)))
				.toList();
			for (int i = 0; i < futures.size(); i++) {
				results.add(await(futures.get(i), listed.get(i), futures));
			}
		}
		finally {
			executor.shutdown();
		}
		FleetResult result = new FleetResult(results, Duration.ofNanos(System.nanoTime() - started));
		if (listed.isEmpty()) {
			logger.warn("The migration fleet has no targets: no schema matched and no target was listed");
		}
		logger.info("Migration fleet: {}", result.summary());
		return result;
	}

	private Target await(Future<Target> future, MigrationTarget target, List<Future<Target>> all) {
		try {
			if (!Thread.currentThread().isInterrupted()) {
				return future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			return failed(target, (ex.getCause() != null) ? ex.getCause() : ex, 0, Duration.ZERO);
		}
		all.forEach((each) -> each.cancel(false));
		if (future.isDone() && !future.isCancelled()) {
			try {
				return future.get();
			}
			catch (InterruptedException | ExecutionException ex) {
				// reported as skipped below
			}
		}
		return new Target(target.name(), Outcome.SKIPPED, 0, 0, Duration.ZERO,
				"The fleet's run was interrupted before this target finished: run the fleet again");
	}

	private Target timed(MigrationTarget target, Function<MigrationRunner, Found> work) {
		long started = System.nanoTime();
		AppliedBeforeFailure applied = new AppliedBeforeFailure();
		try {
			Found found = work
				.apply(runner(target, new CompositeListener(List.of(this.template.settings().listener(), applied))));
			return new Target(target.name(), found.outcome(), found.applied(), found.pending(),
					Duration.ofNanos(System.nanoTime() - started), mask(found.error(), target));
		}
		catch (RuntimeException ex) {
			return failed(target, ex, applied.count, Duration.ofNanos(System.nanoTime() - started));
		}
	}

	private Target failed(MigrationTarget target, Throwable failure, int applied, Duration duration) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
		String error = String.valueOf(mask(message, target));
		logger.warn("Migrations failed in {}: {}", target, error);
		return new Target(target.name(), Outcome.FAILED, applied, 0, duration, error);
	}

	private @Nullable String mask(@Nullable String text, MigrationTarget target) {
		List<String> secrets = new ArrayList<>(this.template.settings().secrets());
		secrets.addAll(target.secrets());
		return Credentials.mask(text, secrets);
	}

	private Found applyOne(MigrationRunner runner) {
		MigrationResult result = runner.applyAll();
		return new Found(result.isEmpty() ? Outcome.UP_TO_DATE : Outcome.APPLIED, result.migrations().size(), 0, null);
	}

	private static Found statusOf(MigrationRunner runner) {
		return FleetStatus.of(runner.status(), List.of());
	}

	private static Found validated(MigrationRunner runner) {
		List<MigrationProblem> problems = runner.validate();
		return FleetStatus.of(runner.status(), problems);
	}

	/**
	 * What a run found in one target, before it is timed.
	 */
	record Found(Outcome outcome, int applied, int pending, @Nullable String error) {

	}

	/**
	 * Counts what an apply that failed had applied and committed before.
	 */
	private static final class AppliedBeforeFailure implements MigrationListener {

		private volatile int count;

		@Override
		public void afterRun(Direction direction, MigrationResult result, @Nullable MigrationException failure) {
			if (direction == Direction.UP) {
				this.count = result.migrations().size();
			}
		}

	}

	/**
	 * Names the threads of a fleet's runs.
	 */
	private static final class FleetThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable work) {
			Thread thread = new Thread(work, "migrations-fleet-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

	/**
	 * Builds a {@link MigrationFleet}. Not thread-safe.
	 */
	public static final class Builder {

		private final MigrationRunner template;

		private final List<MigrationTargets> targets = new ArrayList<>();

		private int parallelism = DEFAULT_PARALLELISM;

		private boolean createSchemas;

		private Builder(MigrationRunner template) {
			this.template = Objects.requireNonNull(template, "template must not be null");
			if (!(template.ledger() instanceof SqlMigrationLedger)) {
				throw new IllegalArgumentException("A fleet keeps a ledger table in each target, and cannot use the "
						+ "template's own ledger (" + template.ledger().getClass().getName() + "): build the template "
						+ "without MigrationRunner.Builder.ledger(...)");
			}
		}

		/**
		 * Add fixed schemas of the template's database as targets (on MySQL and MariaDB,
		 * databases of its server).
		 * @param schemas the schemas' names, plain identifiers
		 * @return this builder
		 * @throws dev.migrations.MigrationDefinitionException if a name is not a plain
		 * identifier
		 */
		public Builder schemas(String... schemas) {
			return targets(MigrationTargets.schemas(schemas));
		}

		/**
		 * Add the schemas of the template's database whose names match a SQL {@code LIKE}
		 * pattern, listed from the catalog at each run.
		 * @param pattern the pattern, such as {@code tenant_%}
		 * @return this builder
		 * @throws dev.migrations.MigrationDefinitionException if the pattern holds
		 * anything but letters, digits, underscores and {@code %}
		 * @see MigrationTargets#schemasLike(String)
		 */
		public Builder schemasLike(String pattern) {
			return targets(MigrationTargets.schemasLike(pattern));
		}

		/**
		 * Add targets listed at each run, such as from a tenants table. A target listed
		 * twice, by name, runs once.
		 * @param targets the targets
		 * @return this builder
		 */
		public Builder targets(MigrationTargets targets) {
			this.targets.add(Objects.requireNonNull(targets, "targets must not be null"));
			return this;
		}

		/**
		 * Set how many targets run at once at most; default
		 * {@value MigrationFleet#DEFAULT_PARALLELISM}. Each run holds two connections.
		 * @param parallelism the number, 1 or more
		 * @return this builder
		 */
		public Builder parallelism(int parallelism) {
			if (parallelism < 1) {
				throw new IllegalArgumentException("parallelism must be 1 or more, got " + parallelism);
			}
			this.parallelism = parallelism;
			return this;
		}

		/**
		 * Set whether a schema target that does not exist is created (on MySQL and
		 * MariaDB, the database) before its first run takes the lock; default
		 * {@code false}: a misspelt schema fails its target rather than getting every
		 * migration in a new, empty schema.
		 * @param createSchemas whether to create missing schemas
		 * @return this builder
		 */
		public Builder createSchemas(boolean createSchemas) {
			this.createSchemas = createSchemas;
			return this;
		}

		/**
		 * Build the fleet.
		 * @return the fleet
		 */
		public MigrationFleet build() {
			return new MigrationFleet(this.template, List.copyOf(this.targets), this.parallelism, this.createSchemas);
		}

	}

}
