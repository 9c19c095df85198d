package dev.migrations.command;

/**
 * Thrown for a command line that cannot be understood; the command exits with
 * {@link MigrationCommandLine#USAGE}.
 */
public class CommandLineUsageException extends RuntimeException {

	public CommandLineUsageException(String message) {
		super(message);
	}

}
