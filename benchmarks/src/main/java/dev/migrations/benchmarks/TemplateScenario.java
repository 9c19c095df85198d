package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * A suite of {@value #TEST_CLASSES} test classes, each needing a fresh database with N
 * migrations applied: replayed on a new database for every class (the
 * {@link Tool#MIGRATIONS} row), or copied from a template that this library's test
 * support migrates once (the {@link Tool#MIGRATIONS_TEMPLATE} row). One measured run is
 * the whole suite, every database made, checked and dropped, in a {@link TemplateChild};
 * building the template is part of it.
 */
final class TemplateScenario implements Scenario {

	/** How many test classes one run stands for. */
	static final int TEST_CLASSES = 50;

	@Override
	public String optionName() {
		return "template";
	}

	@Override
	public String title() {
		return "A fresh database with N migrations for each of " + TEST_CLASSES
				+ " test classes: replayed per class (migrations) or copied from a template migrated once "
				+ "(template copies); total for the " + TEST_CLASSES + " classes";
	}

	@Override
	public List<Tool> tools() {
		return List.of(Tool.MIGRATIONS, Tool.MIGRATIONS_TEMPLATE);
	}

	@Override
	public List<Integer> defaultSizes() {
		return List.of(200);
	}

	@Override
	public StartingPoint prepare(DatabaseServer server, Tool tool, Path migrations, int count, ChildLauncher launcher) {
		return StartingPoint.empty(server);
	}

	@Override
	public ChildCommand measure(Tool tool, Database database, StartingPoint startingPoint, Path migrations, int count) {
		return new ChildCommand(TemplateChild.class.getName(), List.of(tool.name(), database.url(),
				migrations.toAbsolutePath().toString(), Integer.toString(count), Integer.toString(TEST_CLASSES)));
	}

}
