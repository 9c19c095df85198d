package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * This library bringing an empty database to N migrations two ways: replaying the N files
 * one by one (the {@link Tool#MIGRATIONS} row, the plain {@code applyAll()} of a new
 * database), and loading a squash of all N written beforehand into a directory of its own
 * that holds the same N files (the {@link Tool#MIGRATIONS_SQUASH} row). Untimed, the
 * squash is written with the library's own writer for the database's kind, and a
 * reference database is built by replaying the files; after every measured run the status
 * must show N migrations (applied, or squashed), and a database loaded from the squash
 * must have the reference's schema.
 */
final class SquashScenario implements Scenario {

	@Override
	public String optionName() {
		return "squash";
	}

	@Override
	public String title() {
		return "Apply N migrations on an empty database: one by one (migrations) or from a squash of all N "
				+ "(squashed load)";
	}

	@Override
	public List<Tool> tools() {
		return List.of(Tool.MIGRATIONS, Tool.MIGRATIONS_SQUASH);
	}

	@Override
	public List<Integer> defaultSizes() {
		return List.of(1000);
	}

	@Override
	public StartingPoint prepare(DatabaseServer server, Tool tool, Path migrations, int count, ChildLauncher launcher) {
		if (tool != Tool.MIGRATIONS_SQUASH) {
			return StartingPoint.empty(server);
		}
		// The reference replays the files before this database kind's squash is written
		// next to them; the replay's check fails should it load a squash.
		Database reference = server.createPersistent();
		try {
			launcher.run(step(SquashChild.Step.REPLAY, reference, SquashChild.NO_REFERENCE, migrations, count));
			Database writer = server.createEmpty();
			try {
				launcher.run(step(SquashChild.Step.WRITE, writer, SquashChild.NO_REFERENCE, migrations, count));
			}
			finally {
				server.drop(writer);
			}
		}
		catch (RuntimeException ex) {
			server.drop(reference);
			throw ex;
		}
		return StartingPoint.emptyWithReference(server, reference);
	}

	@Override
	public ChildCommand measure(Tool tool, Database database, StartingPoint startingPoint, Path migrations, int count) {
		SquashChild.Step step = (tool == Tool.MIGRATIONS_SQUASH) ? SquashChild.Step.LOAD : SquashChild.Step.REPLAY;
		String reference = startingPoint.reference().map(Database::url).orElse(SquashChild.NO_REFERENCE);
		return step(step, database, reference, migrations, count);
	}

	private static ChildCommand step(SquashChild.Step step, Database database, String reference, Path migrations,
			int count) {
		return new ChildCommand(SquashChild.class.getName(), List.of(step.name(), database.url(), reference,
				migrations.toAbsolutePath().toString(), Integer.toString(count)));
	}

}
