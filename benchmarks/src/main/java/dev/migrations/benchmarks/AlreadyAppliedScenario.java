package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * A tool's work on a database where it has applied all N migrations already, in an
 * earlier, untimed process of its own. Plain JDBC keeps no records; in the
 * nothing-pending scenario its row is the floor of the work: reading the N files and
 * computing a SHA-256 of each, with no database work at all.
 */
final class AlreadyAppliedScenario implements Scenario {

	private final String optionName;

	private final String title;

	private final ChildAction action;

	AlreadyAppliedScenario(String optionName, String title, ChildAction action) {
		this.optionName = optionName;
		this.title = title;
		this.action = action;
	}

	@Override
	public String optionName() {
		return this.optionName;
	}

	@Override
	public String title() {
		return this.title;
	}

	@Override
	public List<Tool> tools() {
		if (this.action == ChildAction.NOTHING_PENDING) {
			// Plain JDBC's row is the floor: reading and hashing the files, which any
			// tool that validates applied migrations does
			// Plain JDBC reading the ledger is the floor of a start with the build-time
			// index, which reads the ledger and no file
			return List.of(Tool.PLAIN_JDBC, Tool.MIGRATIONS, Tool.FLYWAY, Tool.LIQUIBASE, Tool.PLAIN_LEDGER,
					Tool.MIGRATIONS_INDEX);
		}
		return List.of(Tool.MIGRATIONS, Tool.FLYWAY, Tool.LIQUIBASE);
	}

	@Override
	public List<Integer> defaultSizes() {
		return List.of(1000);
	}

	@Override
	public StartingPoint prepare(DatabaseServer server, Tool tool, Path migrations, int count, ChildLauncher launcher) {
		Database prepared = server.createPersistent();
		try {
			launcher.run(ChildCommand.tool(ChildAction.APPLY, tool, prepared, migrations, count));
		}
		catch (RuntimeException ex) {
			server.drop(prepared);
			throw ex;
		}
		return StartingPoint.copiesOf(server, prepared);
	}

	@Override
	public ChildCommand measure(Tool tool, Database database, StartingPoint startingPoint, Path migrations, int count) {
		return ChildCommand.tool(this.action, tool, database, migrations, count);
	}

}
