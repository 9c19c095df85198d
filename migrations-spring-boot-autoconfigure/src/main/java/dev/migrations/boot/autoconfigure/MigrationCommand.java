package dev.migrations.boot.autoconfigure;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import org.jspecify.annotations.Nullable;

/**
 * A migration command given on the application's command line, such as
 * {@code java -jar app.jar migrate:status}. Registered as a bean by
 * {@link MigrationCommandRunListener}; as a {@link MigrationListener} it passes the
 * runner's events to the command line's progress output.
 */
final class MigrationCommand implements MigrationListener {

	private final List<String> args;

	private final PrintStream out;

	private volatile MigrationListener progress = new MigrationListener() {
	};

	/**
	 * Create a command from the application's arguments: the command first, then its
	 * options and arguments, leaving out Spring Boot properties such as
	 * {@code --spring.datasource.url=...}, which the application has already read.
	 * @param command the command, one of the arguments
	 * @param args the application's arguments; those before the command are options
	 */
	MigrationCommand(String command, List<String> args) {
		this(command, args, System.out);
	}

	/**
	 * Create a command from the application's arguments that prints to a stream of its
	 * own.
	 * @param command the command, one of the arguments
	 * @param args the application's arguments; those before the command are options
	 * @param out where the command prints its output: the process's standard output,
	 * which the application's own output does not reach during a command run
	 */
	MigrationCommand(String command, List<String> args, PrintStream out) {
		this.out = out;
		int index = args.indexOf(command);
		List<String> commandLine = new ArrayList<>();
		commandLine.add(command);
		Stream.concat(args.subList(0, index).stream(), args.subList(index + 1, args.size()).stream())
			.filter((arg) -> !isApplicationProperty(arg) && !isEndOfOptions(arg))
			.forEach(commandLine::add);
		this.args = List.copyOf(commandLine);
	}

	private static boolean isApplicationProperty(String arg) {
		if (!arg.startsWith("--")) {
			return false;
		}
		int equals = arg.indexOf('=');
		String name = (equals > 0) ? arg.substring(2, equals) : arg.substring(2);
		return name.contains(".") || name.equals("debug") || name.equals("trace");
	}

	/**
	 * Whether an argument is Spring Boot's end of options, which may precede the command.
	 */
	private static boolean isEndOfOptions(String arg) {
		return arg.equals("--");
	}

	List<String> args() {
		return this.args;
	}

	/**
	 * Return where the command prints its output.
	 * @return the process's standard output
	 */
	PrintStream out() {
		return this.out;
	}

	void reportProgressTo(MigrationListener progress) {
		this.progress = progress;
	}

	@Override
	public void lockAcquired(Duration waited) {
		this.progress.lockAcquired(waited);
	}

	@Override
	public void beforeRun(Direction direction, int count) {
		this.progress.beforeRun(direction, count);
	}

	@Override
	public void beforeRun(Direction direction, int count, boolean oneTransaction) {
		this.progress.beforeRun(direction, count, oneTransaction);
	}

	@Override
	public void afterRun(Direction direction, MigrationResult result, @Nullable MigrationException failure) {
		this.progress.afterRun(direction, result, failure);
	}

	@Override
	public void beforeMigration(MigrationDescriptor migration, Direction direction) {
		this.progress.beforeMigration(migration, direction);
	}

	@Override
	public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
		this.progress.afterMigration(migration, direction, duration);
	}

	@Override
	public void onFailure(MigrationDescriptor migration, Direction direction, MigrationException failure) {
		this.progress.onFailure(migration, direction, failure);
	}

}
