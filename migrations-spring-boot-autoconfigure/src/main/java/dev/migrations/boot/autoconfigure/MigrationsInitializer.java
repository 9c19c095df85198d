package dev.migrations.boot.autoconfigure;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

import dev.migrations.Credentials;
import dev.migrations.MigrationId;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationStatus;
import dev.migrations.MigrationValidationException;
import dev.migrations.PlannedMigration;
import dev.migrations.Remedy;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.SqlMigrationSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Acts on the migrations when the context is refreshed, according to a
 * {@link StartupMode}, or hands each runner to a {@link MigrationStrategy}. Spring Boot
 * creates beans that use the database only after this one (see
 * {@code DatabaseInitializerDetector}), so those beans see a migrated schema. Runners are
 * handled one after another, in the order given.
 * <p>
 * With {@link StartupMode#APPLY_AND_EXIT} it is also the {@link ExitCodeGenerator} of the
 * run: once the application is ready, it exits through
 * {@link SpringApplication#exit(ApplicationContext, ExitCodeGenerator...)}, which closes
 * the context; it never ends the JVM itself. Not thread-safe; used once at startup.
 */
public class MigrationsInitializer implements InitializingBean, ApplicationContextAware,
		ApplicationListener<ApplicationReadyEvent>, ExitCodeGenerator, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsInitializer.class);

	private static final String ENTITY_MANAGER_FACTORY_BUILDER = "org.springframework.boot.jpa.EntityManagerFactoryBuilder";

	private final List<MigrationRunner> runners;

	private final StartupMode mode;

	private final @Nullable MigrationStrategy strategy;

	private final @Nullable MigrationFleet fleet;

	private int order;

	private @Nullable ApplicationContext applicationContext;

	private IntConsumer exit = System::exit;

	private boolean exitWhenReady;

	/**
	 * Create an initializer.
	 * @param runners the runners, in the order to handle them
	 * @param mode what to do at startup
	 * @param strategy what to do instead of {@code mode}, or {@code null}
	 */
	public MigrationsInitializer(List<MigrationRunner> runners, StartupMode mode,
			@Nullable MigrationStrategy strategy) {
		this(runners, mode, strategy, null);
	}

	/**
	 * Create an initializer that, when given a fleet, acts on the fleet's targets at
	 * start-up instead of on the runners: a target that fails fails start-up, once every
	 * other target was run, and a {@link MigrationStrategy} gets the runner of each
	 * target.
	 * @param runners the runners, in the order to handle them, for commands
	 * @param mode what to do at startup
	 * @param strategy what to do instead of {@code mode}, or {@code null}
	 * @param fleet the fleet to act on at start-up, or {@code null} for the runners
	 */
	public MigrationsInitializer(List<MigrationRunner> runners, StartupMode mode, @Nullable MigrationStrategy strategy,
			@Nullable MigrationFleet fleet) {
		this.runners = List.copyOf(runners);
		this.mode = Objects.requireNonNull(mode, "mode must not be null");
		this.strategy = strategy;
		this.fleet = fleet;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void afterPropertiesSet() {
		MigrationCommand command = (this.applicationContext != null)
				? this.applicationContext.getBeanProvider(MigrationCommand.class).getIfAvailable() : null;
		if (command != null) {
			runCommand(command);
			return;
		}
		if (this.fleet != null) {
			startFleet(this.fleet);
			return;
		}
		if (this.strategy != null) {
			this.runners.forEach(this.strategy::migrate);
			return;
		}
		switch (this.mode) {
			case APPLY -> this.runners.forEach(MigrationRunner::applyAll);
			case VALIDATE -> this.runners.forEach(MigrationsInitializer::validate);
			case PRETEND -> {
				List<String> secrets = secrets();
				this.runners.forEach((runner) -> pretend(runner, secrets));
			}
			case NONE -> logger.debug("Migrations left alone at startup (migrations.on-startup=none)");
			case APPLY_AND_EXIT -> {
				this.runners.forEach(MigrationRunner::applyAll);
				this.exitWhenReady = true;
				logger.info("Migrations applied; the application closes as soon as it has started "
						+ "(migrations.on-startup=apply-and-exit)");
			}
		}
	}

	private void startFleet(MigrationFleet fleet) {
		if (this.strategy != null) {
			FleetStartup.eachRunner(fleet, this.strategy::migrate);
			return;
		}
		switch (this.mode) {
			case APPLY -> FleetStartup.apply(fleet);
			case VALIDATE -> FleetStartup.validate(fleet);
			case PRETEND -> {
				List<String> secrets = secrets();
				FleetStartup.eachRunner(fleet, (runner) -> pretend(runner, secrets));
			}
			case NONE -> logger.debug("Fleet left alone at startup (migrations.on-startup=none)");
			case APPLY_AND_EXIT -> {
				FleetStartup.apply(fleet);
				this.exitWhenReady = true;
			}
		}
	}

	/**
	 * Whether this initializer applies pending migrations when the application starts:
	 * {@link StartupMode#APPLY} or {@link StartupMode#APPLY_AND_EXIT}, and no
	 * {@link MigrationStrategy}, whose action it cannot know, replaces that. The health
	 * contributor takes pending migrations of an application that does not apply them as
	 * a reason to keep it out of service.
	 * @return whether pending migrations are applied at startup
	 */
	public boolean appliesMigrations() {
		return this.strategy == null && (this.mode == StartupMode.APPLY || this.mode == StartupMode.APPLY_AND_EXIT);
	}

	/**
	 * Return the exit status of the startup action: {@code 0}, since a failure fails
	 * startup instead. {@link SpringApplication#exit} consults it with every other
	 * {@link ExitCodeGenerator} bean.
	 * @return the exit status
	 */
	@Override
	public int getExitCode() {
		return MigrationCommandLine.SUCCESS;
	}

	/**
	 * Close the application once it is ready, after {@link StartupMode#APPLY_AND_EXIT}
	 * applied the migrations.
	 * @param event the event
	 */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.exitWhenReady && event.getApplicationContext() == this.applicationContext) {
			int status = SpringApplication.exit(event.getApplicationContext());
			logger.info("Migrations applied; closed the application with exit code {} "
					+ "(migrations.on-startup=apply-and-exit)", status);
		}
	}

	/**
	 * Fail unless an apply would find nothing to do: no problem in the ledger, and
	 * nothing pending up to {@code migrations.target}. A migration after the target is
	 * not one an apply would run, so it is not reported pending.
	 */
	private static void validate(MigrationRunner runner) {
		List<MigrationProblem> problems = new ArrayList<>(runner.validate());
		List<MigrationStatus> pending = new ArrayList<>();
		for (MigrationStatus status : runner.status()) {
			if (status.isPending()) {
				pending.add(status);
			}
		}
		if (!pending.isEmpty() && problems.isEmpty()) {
			// Only then ask what an apply would run, which a target stops short of
			Set<MigrationId> wouldApply = new HashSet<>();
			for (PlannedMigration plan : runner.pretend().applyAll()) {
				wouldApply.add(plan.id());
			}
			pending.removeIf((status) -> !wouldApply.contains(status.id()));
		}
		for (MigrationStatus status : pending) {
			problems.add(new MigrationProblem(
					status.id(), status.state(), "Migration " + status.id() + " (" + status.source()
							+ ") is pending in " + runner.ledger().describe() + ".",
					Remedy.of(Remedy.Kind.APPLY_PENDING, status.id())));
		}
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(problems);
		}
		logger.info("Migrations in {} are valid and up to date", runner.ledger().describe());
	}

	/**
	 * Log the SQL an apply would run, with the configured passwords and the values of
	 * secret placeholders masked, as the endpoint's {@code pretend} shows them: a log is
	 * read by more people than the configuration.
	 */
	private static void pretend(MigrationRunner runner, List<String> secrets) {
		List<PlannedMigration> plans = runner.pretend().applyAll();
		if (plans.isEmpty()) {
			logger.info("Pretend: no pending migrations in {}", runner.ledger().describe());
			return;
		}
		logger.info("Pretend: {} pending migration(s) in {} would run:\n{}", plans.size(), runner.ledger().describe(),
				Credentials.mask(PlannedMigration.script(plans).stripTrailing(), secrets));
	}

	/**
	 * Run a command from the command line against every runner, in order, then close the
	 * context and exit with the command's status.
	 */
	private void runCommand(MigrationCommand command) {
		Environment environment = Objects.requireNonNull(this.applicationContext).getEnvironment();
		List<String> locations = Binder.get(environment)
			.bind("migrations.locations", Bindable.listOf(String.class))
			.orElse(List.of(SqlMigrationSource.DEFAULT_LOCATION));
		List<String> secrets = secrets();
		boolean colour = System.console() != null && System.getenv("NO_COLOR") == null;
		int status = MigrationCommandLine.SUCCESS;
		PrintStream out = command.out();
		try {
			for (MigrationRunner runner : this.runners) {
				if (this.runners.size() > 1) {
					out.println("== " + runner.ledger().describe());
				}
				MigrationCommandLine commandLine = withEntities(new MigrationCommandLine((progress) -> {
					command.reportProgressTo(progress);
					return runner;
				}, locations, out, System.err, colour, secrets, new ComponentMigrationTemplate()));
				status = Math.max(status, commandLine.run(command.args()));
				if (command.args().get(0).equals("make:migration")) {
					break;
				}
			}
			if (this.applicationContext instanceof ConfigurableApplicationContext context) {
				context.close();
			}
		}
		finally {
			// The application's own output went to standard error during the run
			System.setOut(out);
		}
		this.exit.accept(status);
	}

	/**
	 * Return the configured passwords and the values of secret placeholders, which no
	 * output of a start or a command shows.
	 */
	private List<String> secrets() {
		return (this.applicationContext != null) ? MigrationsSecrets.of(this.applicationContext.getEnvironment())
				: List.of();
	}

	/**
	 * Give {@code make:migration --from-entities} the schema of the application's JPA
	 * entities, when it uses JPA.
	 */
	private MigrationCommandLine withEntities(MigrationCommandLine commandLine) {
		ApplicationContext context = Objects.requireNonNull(this.applicationContext);
		if (ClassUtils.isPresent(ENTITY_MANAGER_FACTORY_BUILDER, context.getClassLoader())
				&& JpaEntitySchema.isAvailable(context)) {
			return commandLine.withEntities(new JpaEntitySchema(context));
		}
		return commandLine;
	}

	/**
	 * Replace {@link System#exit(int)}, with which a command ends, for tests.
	 * @param exit what to call with the exit status
	 */
	void setExit(IntConsumer exit) {
		this.exit = exit;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Set the order of this initializer among other database initializers.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

}
