package dev.migrations.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.MigrationId;
import dev.migrations.catalog.CatalogChange;
import dev.migrations.runner.GeneratedMigration;
import org.jspecify.annotations.Nullable;

/**
 * A migration written from schemas, as the files a person reviews: the up file opens with
 * what wrote it, its header ({@code repair} for a repair migration, which the schema
 * replay leaves out; {@code destructive} for changes that destroy data, which lets a run
 * apply them), the changes and what is left to do by hand; the statements follow, and the
 * choices a person must make, commented out.
 */
final class GeneratedMigrationText {

	private GeneratedMigrationText() {
	}

	/**
	 * Write a generated migration into the first location (or {@code --dir}), or with
	 * {@code --pretend} print it; refuse one that destroys data unless
	 * {@code --allow-destructive} is given.
	 * @return the exit code
	 */
	static int write(GeneratedMigration generated, MigrationId id, String writtenBy, boolean repair,
			CommandArguments arguments, CommandContext context) throws IOException {
		if (generated.isEmpty()) {
			context.out().println("Nothing to write: the schemas are the same.");
			return MigrationCommandLine.SUCCESS;
		}
		List<CatalogChange> destructive = generated.destructiveChanges();
		if (!destructive.isEmpty() && !arguments.has("--allow-destructive")) {
			context.out().println("Not written: the migration would destroy data:");
			destructive.forEach((change) -> context.out().println("  " + change.text()));
			context.out()
				.println("Pass --allow-destructive to write it (with a \"-- migrations: destructive\" header).");
			return MigrationCommandLine.PROBLEMS;
		}
		String up = up(generated, id, writtenBy, repair);
		String down = down(generated, id);
		if (arguments.has("--pretend")) {
			context.out().print(up);
			if (down != null) {
				context.out().println();
				context.out().print(down);
			}
			return MigrationCommandLine.SUCCESS;
		}
		Path directory = MigrationFiles.directory(arguments, () -> MigrationFiles.sqlDirectory(context.locations()));
		String baseName = id.toString().replaceFirst("^m_", "");
		for (Path file : MigrationFiles.writePair(directory, baseName, up, down)) {
			context.out().println("Created " + file);
		}
		if (down == null) {
			context.out().println("No down file: not every change can be undone from the schemas alone.");
		}
		if (!generated.notes().isEmpty()) {
			context.out().println("Review the notes at the top of the up file: some changes are left to you.");
		}
		return MigrationCommandLine.SUCCESS;
	}

	/**
	 * Return the text of the up file.
	 */
	static String up(GeneratedMigration generated, MigrationId id, String writtenBy, boolean repair) {
		StringBuilder text = new StringBuilder();
		text.append("-- ").append(id).append(": written by ").append(writtenBy).append("; review it before applying\n");
		List<String> headers = new ArrayList<>();
		if (repair) {
			headers.add("repair");
		}
		if (!generated.destructiveChanges().isEmpty()) {
			headers.add("destructive");
		}
		if (!headers.isEmpty()) {
			text.append("-- migrations: ").append(String.join(", ", headers)).append('\n');
		}
		text.append("-- changes:\n");
		generated.changes().changes().forEach((change) -> text.append("--   ").append(change.text()).append('\n'));
		if (!generated.notes().isEmpty()) {
			text.append("-- left to you:\n");
			generated.notes().forEach((note) -> text.append("--   ").append(note).append('\n'));
		}
		generated.up().forEach((statement) -> text.append(statement).append(";\n"));
		generated.choices().forEach((line) -> text.append(line).append('\n'));
		return text.toString();
	}

	/**
	 * Return the text of the down file, or {@code null} when there is none.
	 */
	static @Nullable String down(GeneratedMigration generated, MigrationId id) {
		List<String> statements = generated.down();
		if (statements == null) {
			return null;
		}
		StringBuilder text = new StringBuilder("-- ").append(id).append(": undoes what its up file does\n");
		statements.forEach((statement) -> text.append(statement).append(";\n"));
		return text.toString();
	}

}
