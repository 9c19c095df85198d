package dev.migrations.process;

import java.time.Duration;
import java.util.List;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.MigrationRunner;

/**
 * A fleet's run in its own JVM, through the command line:
 * {@code FleetMain <jdbc-url> <location> <schema-pattern>} runs
 * {@code migrate --schemas <schema-pattern> --json} and exits with its exit code.
 */
public final class FleetMain {

	private FleetMain() {
	}

	public static void main(String[] args) {
		MigrationCommandLine commandLine = new MigrationCommandLine(
				(listener) -> MigrationRunner.builder(new JdbcUrlDataSource(args[0]))
					.locations(args[1])
					.lockTimeout(Duration.ofSeconds(120))
					.listener(listener)
					.build(),
				List.of(args[1]), System.out, System.err, false, List.of());
		System.exit(commandLine.run(List.of("migrate", "--schemas", args[2], "--json")));
	}

}
