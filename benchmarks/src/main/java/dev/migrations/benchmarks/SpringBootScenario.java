package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A minimal Spring Boot application starting on a database that already has every
 * migration applied: the time to {@code ApplicationReadyEvent} with this library's
 * starter, with Spring Boot's Flyway integration, and with neither (the application still
 * opens a connection and reads a table). The difference to "neither" is what the
 * migration tool adds to every start. The same application processed ahead of time, with
 * this library and without, gives a second such pair.
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
		return List.of(Tool.PLAIN_JDBC, Tool.MIGRATIONS, Tool.FLYWAY, Tool.MIGRATIONS_INDEX, Tool.PLAIN_AOT,
				Tool.MIGRATIONS_AOT);
	}

	@Override
	public Map<Tool, Tool> baselines() {
		return Map.of(Tool.MIGRATIONS, Tool.PLAIN_JDBC, Tool.FLYWAY, Tool.PLAIN_JDBC, Tool.MIGRATIONS_INDEX,
				Tool.PLAIN_JDBC, Tool.MIGRATIONS_AOT, Tool.PLAIN_AOT);
	}

	@Override
	public List<Integer> defaultSizes() {
		return List.of(1000);
	}

	@Override
	public StartingPoint prepare(DatabaseServer server, Tool tool, Path migrations, int count, ChildLauncher launcher) {
		Database prepared = server.createPersistent();
		// The application without a migration tool starts on the schema this library made
		Tool preparer = (tool == Tool.PLAIN_JDBC || tool.processedAheadOfTime()) ? Tool.MIGRATIONS : tool;
		try {
			Path source = migrations;
			if (tool == Tool.PLAIN_JDBC) {
				source = migrations.resolveSibling(migrations.getFileName() + "-as-migrations");
				if (!Files.isDirectory(source)) {
					MigrationGenerator.write(Tool.MIGRATIONS, source, count);
				}
			}
			else if (tool.processedAheadOfTime()) {
				source = migrations.resolve(BenchmarkApplication.SCRIPTS);
			}
			launcher.run(ChildCommand.tool(ChildAction.APPLY, preparer, prepared, source, count));
			StartingPoint copies = StartingPoint.copiesOf(server, prepared);
			return tool.processedAheadOfTime()
					? new Processed(copies, processAheadOfTime(server, tool, prepared, migrations, count, launcher))
					: copies;
		}
		catch (IOException ex) {
			server.drop(prepared);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			server.drop(prepared);
			throw ex;
		}
	}

	/**
	 * Process the application ahead of time for one tool and database, with the
	 * migrations on its class path.
	 * @return the class path root of the generated classes and resources
	 */
	private static Path processAheadOfTime(DatabaseServer server, Tool tool, Database database, Path migrations,
			int count, ChildLauncher launcher) {
		Path output = migrations.resolveSibling(migrations.getFileName() + "-processed-for-" + server.optionName())
			.toAbsolutePath();
		launcher.run(new ChildCommand(
				AotProcessingChild.class.getName(), List.of(tool.name(), database.url(),
						migrations.toAbsolutePath().toString(), Integer.toString(count), output.toString()),
				List.of(migrations), List.of()));
		return output.resolve(AotProcessingChild.CLASSES);
	}

	@Override
	public ChildCommand measure(Tool tool, Database database, StartingPoint startingPoint, Path migrations, int count) {
		List<String> arguments = List.of(tool.name(), database.url(), migrations.toAbsolutePath().toString(),
				Integer.toString(count));
		if (startingPoint instanceof Processed processed) {
			return new ChildCommand(SpringBootChild.class.getName(), arguments,
					List.of(processed.classes(), migrations), List.of("-Dspring.aot.enabled=true"));
		}
		return new ChildCommand(SpringBootChild.class.getName(), arguments);
	}

	/**
	 * The starting point of a tool processed ahead of time: copies of the prepared
	 * database, and the generated classes every start puts first on its class path.
	 *
	 * @param copies the copies
	 * @param classes the class path root of the generated classes and resources
	 */
	private record Processed(StartingPoint copies, Path classes) implements StartingPoint {

		@Override
		public Database newDatabase() {
			return this.copies.newDatabase();
		}

		@Override
		public void close() {
			this.copies.close();
		}

	}

}
