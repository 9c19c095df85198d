package dev.migrations.process;

import java.time.Duration;

import dev.migrations.MigrationException;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationRunner;
import dev.migrations.DriverManagerDataSource;

/**
 * A runner in its own JVM, for tests that need several processes or a process to kill:
 * {@code RunnerMain <jdbc-url> <location> <lock-timeout-seconds>} applies every pending
 * migration, prints {@code applied <count> in batch <batch>} and exits 0, or prints the
 * failure and exits 3.
 */
public final class RunnerMain {

	private RunnerMain() {
	}

	public static void main(String[] args) {
		try {
			MigrationRunner runner = MigrationRunner.builder(new DriverManagerDataSource(args[0]))
				.locations(args[1])
				.lockTimeout(Duration.ofSeconds(Long.parseLong(args[2])))
				.build();
			MigrationResult result = runner.applyAll();
			System.out.println("applied " + result.migrations().size() + " in batch " + result.batch());
			System.exit(0);
		}
		catch (MigrationException ex) {
			System.err.println(ex.getMessage());
			System.exit(3);
		}
	}

}
