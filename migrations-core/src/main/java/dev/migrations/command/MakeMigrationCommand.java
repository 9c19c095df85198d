package dev.migrations.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.MigrationId;
import dev.migrations.runner.GeneratedMigration;
import dev.migrations.runner.ShadowSchema;

/**
 * {@code make:migration NAME}: write a timestamped {@code .up.sql}/{@code .down.sql} pair
 * into the first location, both or neither, or with {@code --java} a Java class from the
 * front end's {@link MigrationTemplate}; needs no database. With
 * {@code --from-database URL}, the pair that turns what the migrations build into what
 * that database holds; with {@code --from-entities}, in an application's jar, into the
 * schema its ORM creates for its entities.
 */
final class MakeMigrationCommand implements Command {

	private static final String JAVA_PACKAGE = "db.migrations";

	private static final Path JAVA_DIRECTORY = Path.of("src", "main", "java", "db", "migrations");

	@Override
	public String name() {
		return "make:migration";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.flag("--java"), CommandOption.withValue("--dir"),
				CommandOption.withValue("--from-database"), CommandOption.flag("--from-entities"),
				CommandOption.flag("--allow-destructive"), CommandOption.flag("--pretend"));
	}

	@Override
	public boolean takesArgument() {
		return true;
	}

	@Override
	public void check(CommandArguments arguments) {
		MigrationFiles.requireName(arguments.argument());
		if (arguments.has("--from-database") && arguments.has("--from-entities")) {
			throw new CommandLineUsageException(
					"A migration is written from a database (--from-database) or from the entities (--from-entities), "
							+ "not both");
		}
		boolean generated = arguments.has("--from-database") || arguments.has("--from-entities");
		if (arguments.has("--java") && generated) {
			throw new CommandLineUsageException(
					"--from-database and --from-entities write a SQL pair; --java is not supported with them");
		}
		if (arguments.has("--allow-destructive") && !generated) {
			throw new CommandLineUsageException("--allow-destructive applies to a migration written from a "
					+ "database or from the entities (--from-database, --from-entities)");
		}

	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) throws IOException {
		String name = arguments.argument();
		String timestamp = MigrationFiles.timestamp();
		MigrationId id = MigrationId.parse(timestamp + "_" + name);
		if (arguments.has("--java")) {
			Path directory = MigrationFiles.directory(arguments, () -> JAVA_DIRECTORY);
			String className = className(name);
			Path file = directory.resolve(className + ".java");
			MigrationFiles.write(file, context.javaTemplate().javaSource(JAVA_PACKAGE, className, id));
			context.out().println("Created " + file);
			return MigrationCommandLine.SUCCESS;
		}
		String fromDatabase = arguments.value("--from-database");
		if (fromDatabase != null) {
			GeneratedMigration generated = context.runner(arguments)
				.generate()
				.toDatabase(new JdbcUrlDataSource(fromDatabase));
			return GeneratedMigrationText.write(generated, id, "make:migration --from-database", false, arguments,
					context);
		}
		if (arguments.has("--from-entities")) {
			ShadowSchema entities = context.entities();
			if (entities == null) {
				throw new CommandLineUsageException("--from-entities writes what turns the migrations' schema into the "
						+ "schema of an application's JPA entities: run it with the jar of a Spring Boot application "
						+ "that uses JPA (java -jar app.jar make:migration NAME --from-entities)");
			}
			GeneratedMigration generated = context.runner(arguments).generate().toSchemaBuiltBy(entities);
			return GeneratedMigrationText.write(generated, id, "make:migration --from-entities", false, arguments,
					context);
		}
		Path directory = MigrationFiles.directory(arguments, () -> MigrationFiles.sqlDirectory(context.locations()));
		List<Path> files = MigrationFiles.writePair(directory, timestamp + "_" + name,
				"-- " + id + ": write the change here\n",
				"-- " + id + ": write how to undo it here, or delete this file if it cannot be undone\n");
		files.forEach((file) -> context.out().println("Created " + file));
		return MigrationCommandLine.SUCCESS;
	}

	private static String className(String name) {
		StringBuilder className = new StringBuilder();
		for (String part : name.split("_")) {
			className.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return Character.isDigit(className.charAt(0)) ? "M" + className : className.toString();
	}

}
