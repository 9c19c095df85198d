package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@value #MIGRATIONS} migrations over N schemas of one database: this library's fleet at
 * parallelism 1, 2 and 4, against a loop of single runners, one schema after the other.
 * The runs start from empty schemas, or, for the nothing-pending case, from schemas
 * already up to date. Untimed, the schemas are prepared once per database and N in a
 * {@link FleetChild}, shared by every tool; each measured run works on a copy. Besides
 * the time, each run reports the peak number of connections it held at once.
 */
final class FleetScenario implements Scenario {

	/** The name that selects both fleet scenarios. */
	static final String GROUP = "fleets";

	/** How many migrations every schema gets. */
	static final int MIGRATIONS = 50;

	private final boolean upToDate;

	private final Map<String, Database> prepared = new HashMap<>();

	FleetScenario(boolean upToDate) {
		this.upToDate = upToDate;
	}

	@Override
	public String optionName() {
		return this.upToDate ? "fleet-nothing-pending" : "fleet";
	}

	@Override
	public boolean selectedBy(String name) {
		return optionName().equals(name) || name.equals(GROUP);
	}

	@Override
	public String title() {
		return this.upToDate
				? "Fleet, nothing pending: N schemas, each with its " + MIGRATIONS + " migrations already applied"
				: "Fleet: " + MIGRATIONS + " migrations applied to each of N empty schemas";
	}

	@Override
	public List<Tool> tools() {
		return List.of(Tool.MIGRATIONS_FLEET_1, Tool.MIGRATIONS_FLEET_2, Tool.MIGRATIONS_FLEET_4, Tool.MIGRATIONS_LOOP);
	}

	@Override
	public List<Integer> defaultSizes() {
		return List.of(100, 500);
	}

	@Override
	public StartingPoint prepare(DatabaseServer server, Tool tool, Path migrations, int schemas,
			ChildLauncher launcher) {
		String key = server.optionName() + "/" + schemas;
		Database database = this.prepared.get(key);
		if (database == null) {
			database = server.createPersistent();
			try {
				launcher.run(command("PREPARE", Tool.MIGRATIONS_FLEET_4, database, migrations, schemas));
			}
			catch (RuntimeException ex) {
				server.drop(database);
				throw ex;
			}
			this.prepared.put(key, database);
		}
		Database source = database;
		return new StartingPoint() {

			@Override
			public Database newDatabase() {
				return server.copyOf(source);
			}

			@Override
			public void close() {
				FleetScenario.this.prepared.remove(key);
				server.drop(source);
			}

		};
	}

	@Override
	public ChildCommand measure(Tool tool, Database database, StartingPoint startingPoint, Path migrations,
			int schemas) {
		return command("MEASURE", tool, database, migrations, schemas);
	}

	private ChildCommand command(String step, Tool tool, Database database, Path migrations, int schemas) {
		return new ChildCommand(FleetChild.class.getName(),
				List.of(step, tool.name(), database.url(), fleetMigrations(migrations).toString(),
						Integer.toString(MIGRATIONS), Integer.toString(schemas), Boolean.toString(this.upToDate)));
	}

	/**
	 * Return the directory of the {@value #MIGRATIONS} migrations every schema gets,
	 * written beside the directory the driver wrote for N, where N is the number of
	 * schemas.
	 */
	private static Path fleetMigrations(Path migrations) {
		Path directory = migrations.toAbsolutePath().resolveSibling("fleet-" + MIGRATIONS);
		if (!Files.isDirectory(directory)) {
			try {
				MigrationGenerator.writeMigrations(directory, MIGRATIONS);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return directory;
	}

}
