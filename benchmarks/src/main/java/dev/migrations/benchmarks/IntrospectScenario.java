package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reading and comparing schemas rather than applying migrations, on a database of N
 * tables, each with a primary key, an index and a foreign key to an earlier table,
 * created by N migrations this library applied in an earlier, untimed process (so that a
 * drift check has a ledger to replay). Every tool starts from the same database; the
 * second database Liquibase's diff compares with is built by the same migrations, also
 * untimed. {@code --scenarios introspect} selects both introspections.
 */
final class IntrospectScenario implements Scenario {

	/** The name on the command line that selects every introspection. */
	static final String GROUP = "introspect";

	private final Introspection introspection;

	IntrospectScenario(Introspection introspection) {
		this.introspection = introspection;
	}

	@Override
	public String optionName() {
		return this.introspection.optionName();
	}

	@Override
	public boolean selectedBy(String name) {
		return name.equals(GROUP) || name.equals(optionName());
	}

	@Override
	public String title() {
		return this.introspection.title();
	}

	@Override
	public List<Tool> tools() {
		return List.of(Tool.MIGRATIONS, Tool.LIQUIBASE);
	}

	@Override
	public List<Integer> defaultSizes() {
		return List.of(1000);
	}

	@Override
	public StartingPoint prepare(DatabaseServer server, Tool tool, Path migrations, int count, ChildLauncher launcher) {
		Path linked = linkedMigrations(migrations, count);
		Database prepared = migrated(server, linked, count, launcher);
		if (this.introspection != Introspection.DIFF || tool != Tool.LIQUIBASE) {
			return StartingPoint.copiesOf(server, prepared);
		}
		try {
			return StartingPoint.copiesOf(server, prepared, migrated(server, linked, count, launcher));
		}
		catch (RuntimeException ex) {
			server.drop(prepared);
			throw ex;
		}
	}

	@Override
	public ChildCommand measure(Tool tool, Database database, StartingPoint startingPoint, Path migrations, int count) {
		String reference = startingPoint.reference().map(Database::url).orElse(IntrospectChild.NO_REFERENCE);
		return new ChildCommand(IntrospectChild.class.getName(),
				List.of(this.introspection.name(), tool.name(), database.url(), reference,
						linkedMigrations(migrations, count).toAbsolutePath().toString(), Integer.toString(count)));
	}

	private static Database migrated(DatabaseServer server, Path linked, int count, ChildLauncher launcher) {
		Database database = server.createPersistent();
		try {
			launcher.run(ChildCommand.tool(ChildAction.APPLY, Tool.MIGRATIONS, database, linked, count));
		}
		catch (RuntimeException ex) {
			server.drop(database);
			throw ex;
		}
		return database;
	}

	// One directory for every tool: every tool's database is built by this library.
	private static Path linkedMigrations(Path migrations, int count) {
		Path directory = migrations.getParent().resolveSibling("linked").resolve(migrations.getFileName());
		if (!Files.isDirectory(directory)) {
			try {
				MigrationGenerator.writeLinked(directory, count);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return directory;
	}

}
