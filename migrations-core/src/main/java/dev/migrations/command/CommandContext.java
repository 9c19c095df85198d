package dev.migrations.command;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

import dev.migrations.Credentials;
import dev.migrations.MigrationListener;
import dev.migrations.PlannedMigration;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.ShadowSchema;
import org.jspecify.annotations.Nullable;

/**
 * What a command works with: the runner, the configured locations, the template of a Java
 * migration, what builds the schema of the application's entities, if anything does, and
 * the output, which never shows a secret.
 */
final class CommandContext {

	private final Function<MigrationListener, MigrationRunner> runners;

	private final List<String> locations;

	private final PrintStream out;

	private final PrintStream err;

	private final boolean colour;

	private final List<String> secrets;

	private final MigrationTemplate javaTemplate;

	private final @Nullable ShadowSchema entities;

	CommandContext(Function<MigrationListener, MigrationRunner> runners, List<String> locations, PrintStream out,
			PrintStream err, boolean colour, List<String> secrets, MigrationTemplate javaTemplate,
			@Nullable ShadowSchema entities) {
		this.runners = runners;
		this.locations = locations;
		this.out = out;
		this.err = err;
		this.colour = colour;
		this.secrets = secrets;
		this.javaTemplate = javaTemplate;
		this.entities = entities;
	}

	/**
	 * Return this context with what builds the schema of the application's entities.
	 */
	CommandContext withEntities(ShadowSchema entities) {
		return new CommandContext(this.runners, this.locations, this.out, this.err, this.colour, this.secrets,
				this.javaTemplate, entities);
	}

	/**
	 * Build the runner, which prints its progress unless the output is JSON or a fleet's
	 * table, whose targets run at once.
	 */
	MigrationRunner runner(CommandArguments arguments) {
		boolean quiet = arguments.has("--json") || FleetCommands.requested(arguments);
		return this.runners.apply(quiet ? new MigrationListener() {
		} : new ProgressListener(this.out));
	}

	List<String> locations() {
		return this.locations;
	}

	MigrationTemplate javaTemplate() {
		return this.javaTemplate;
	}

	/**
	 * Return what builds the schema of the application's entities, or {@code null} when
	 * the command line runs outside an application that has them.
	 */
	@Nullable ShadowSchema entities() {
		return this.entities;
	}

	PrintStream out() {
		return this.out;
	}

	/**
	 * Return where errors go, for a command that refuses to run.
	 */
	PrintStream err() {
		return this.err;
	}

	boolean colour() {
		return this.colour;
	}

	String mask(@Nullable String text) {
		return (text != null) ? String.valueOf(Credentials.mask(text, this.secrets)) : "";
	}

	/**
	 * Print what a dry run would run: the script, or with {@code --json} its statements.
	 */
	int printPlan(List<PlannedMigration> plan, CommandArguments arguments) {
		if (arguments.has("--json")) {
			this.out.println(JsonOutput.plan(plan));
			return MigrationCommandLine.SUCCESS;
		}
		this.out.print(plan.isEmpty() ? "-- nothing to run\n" : PlannedMigration.script(plan));
		this.out.flush();
		return MigrationCommandLine.SUCCESS;
	}

}
