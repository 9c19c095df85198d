package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal Spring Boot application starting on a database that already has every
 * migration applied: the time to {@code ApplicationReadyEvent} with this library's
 * starter, with Spring Boot's Flyway integration, and with neither (the application still
 * opens a connection and reads a table). The difference to "neither" is what the
 * migration tool adds to every start.
 */
final class SpringBootScenario implements Scenario {

	@Override
	public String optionName() {
		return "spring-boot";
	}

	@Override
	public String title() {
		return "Spring Boot: time to ApplicationReadyEvent with all N applied (plain JDBC row: no migration tool)";
	}

	@Override
	public List<Tool> tools() {
		return List.of(Tool.PLAIN_JDBC, Tool.MIGRATIONS, Tool.FLYWAY, Tool.MIGRATIONS_INDEX);
	}

	@Override
	public List<Integer> defaultSizes() {
		return List.of(1000);
	}

	@Override
	public StartingPoint prepare(DatabaseServer server, Tool tool, Path migrations, int count, ChildLauncher launcher) {
		Database prepared = server.createPersistent();
		// The application without a migration tool starts on the schema this library made
		Tool preparer = (tool == Tool.PLAIN_JDBC) ? Tool.MIGRATIONS : tool;
		try {
			Path source = migrations;
			if (tool == Tool.PLAIN_JDBC) {
				source = migrations.resolveSibling(migrations.getFileName() + "-as-migrations");
				if (!Files.isDirectory(source)) {
					MigrationGenerator.write(Tool.MIGRATIONS, source, count);
				}
			}
			launcher.run(ChildCommand.tool(ChildAction.APPLY, preparer, prepared, source, count));
		}
		catch (IOException ex) {
			server.drop(prepared);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			server.drop(prepared);
			throw ex;
		}
		return StartingPoint.copiesOf(server, prepared);
	}

	@Override
	public ChildCommand measure(Tool tool, Database database, StartingPoint startingPoint, Path migrations, int count) {
		return new ChildCommand(SpringBootChild.class.getName(),
				List.of(tool.name(), database.url(), migrations.toAbsolutePath().toString(), Integer.toString(count)));
	}

}
