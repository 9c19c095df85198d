package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * Apply N migrations to an empty database; plain JDBC running the same statements is the
 * baseline.
 */
final class ApplyScenario implements Scenario {

	@Override
	public String optionName() {
		return "apply";
	}

	@Override
	public String title() {
		return "Apply N migrations on an empty database";
	}

	@Override
	public List<Tool> tools() {
		return List.of(Tool.PLAIN_JDBC, Tool.MIGRATIONS, Tool.FLYWAY, Tool.LIQUIBASE);
	}

	@Override
	public List<Integer> defaultSizes() {
		return List.of(100, 1000, 5000);
	}

	@Override
	public StartingPoint prepare(DatabaseServer server, Tool tool, Path migrations, int count, ChildLauncher launcher) {
		return StartingPoint.empty(server);
	}

	@Override
	public ChildCommand measure(Tool tool, Database database, StartingPoint startingPoint, Path migrations, int count) {
		return ChildCommand.tool(ChildAction.APPLY, tool, database, migrations, count);
	}

}
