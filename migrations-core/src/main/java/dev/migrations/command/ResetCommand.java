package dev.migrations.command;

import java.io.PrintStream;
import java.util.List;

import dev.migrations.MigrationResult;
import dev.migrations.PlannedMigration;
import dev.migrations.runner.DevelopmentResets;

/**
 * {@code migrate:reset}, {@code migrate:refresh} and {@code migrate:fresh}: the resets of
 * a development database. Each prints first what it will roll back or drop, and runs only
 * with {@code --force}; without it nothing is changed and the exit code is
 * {@link MigrationCommandLine#USAGE}.
 */
final class ResetCommand implements Command {

	private final Reset reset;

	private ResetCommand(Reset reset) {
		this.reset = reset;
	}

	/**
	 * Return {@code migrate:reset}.
	 */
	static Command reset() {
		return new ResetCommand(Reset.RESET);
	}

	/**
	 * Return {@code migrate:refresh}.
	 */
	static Command refresh() {
		return new ResetCommand(Reset.REFRESH);
	}

	/**
	 * Return {@code migrate:fresh}.
	 */
	static Command fresh() {
		return new ResetCommand(Reset.FRESH);
	}

	@Override
	public String name() {
		return this.reset.command;
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.flag("--force"));
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		DevelopmentResets resets = context.runner(arguments).resets();
		PrintStream out = context.out();
		if (this.reset == Reset.FRESH) {
			printDrops(resets.freshPlan(), context);
		}
		else {
			printRollbacks(resets.resetPlan(), context);
		}
		if (!arguments.has("--force")) {
			context.err()
				.println("error: " + name() + " " + this.reset.effect
						+ " and runs only with --force; nothing was changed.");
			return MigrationCommandLine.USAGE;
		}
		DevelopmentResets forced = resets.forced();
		MigrationResult result = switch (this.reset) {
			case RESET -> forced.reset();
			case REFRESH -> forced.refresh();
			case FRESH -> forced.fresh();
		};
		if (this.reset == Reset.RESET) {
			out.println("Rolled back " + result.migrations().size() + " migration(s).");
		}
		else {
			out.println("Applied " + result.migrations().size() + " migration(s) in batch " + result.batch() + ".");
		}
		return MigrationCommandLine.SUCCESS;
	}

	private void printRollbacks(List<PlannedMigration> plan, CommandContext context) {
		if (plan.isEmpty()) {
			context.out().println(name() + ": nothing is applied, so nothing will be rolled back.");
			return;
		}
		context.out().println(name() + " will roll back " + plan.size() + " migration(s), newest first:");
		plan.forEach((migration) -> context.out().println("  " + migration.id()));
	}

	private void printDrops(List<String> drops, CommandContext context) {
		if (drops.isEmpty()) {
			context.out().println(name() + ": the schema holds nothing to drop.");
			return;
		}
		context.out().println(name() + " will drop everything in the ledger's schema, running:");
		drops.forEach((drop) -> context.out().println("  " + context.mask(drop) + ";"));
	}

	/**
	 * The resets, by command.
	 */
	private enum Reset {

		RESET("migrate:reset", "rolls back every applied migration"),

		REFRESH("migrate:refresh", "rolls back every applied migration before applying them again"),

		FRESH("migrate:fresh", "drops every table, view, sequence, type and routine of the ledger's schema");

		private final String command;

		private final String effect;

		Reset(String command, String effect) {
			this.command = command;
			this.effect = effect;
		}

	}

}
