package dev.migrations.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make:migration} writes both files of a pair or neither, and every failure says
 * why.
 */
class MakeMigrationTests {

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void writesAnUpAndADownFile() throws IOException {
		assertThat(run("make:migration", "create_users", "--dir", this.directory.toString()))
			.isEqualTo(MigrationCommandLine.SUCCESS);
		assertThat(files()).hasSize(2)
			.anyMatch((name) -> name.endsWith("_create_users.up.sql"))
			.anyMatch((name) -> name.endsWith("_create_users.down.sql"));
	}

	@Test
	void aNameTooLongForTheDownFileLeavesNoUpFileBehind() throws IOException {
		// The .up.sql name is 255 bytes, the longest most file systems take; the
		// .down.sql name is two longer
		String name = "a".repeat(255 - 14 - 1 - ".up.sql".length());
		assertThat(run("make:migration", name, "--dir", this.directory.toString())).isEqualTo(3);
		assertThat(files()).isEmpty();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains(".down.sql: File name too long")
			.contains("was not kept either, so nothing was created");
	}

	@Test
	void aDirOptionThatNamesAFileSaysSo() throws IOException {
		Path file = Files.writeString(this.directory.resolve("notes.txt"), "not a directory");
		assertThat(run("make:migration", "create_users", "--dir", file.toString())).isEqualTo(3);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("Cannot create a migration in " + file + ": it is a file, not a directory (--dir)");
	}

	@Test
	void javaWritesAPlainJavaMigrationThatCompiles() throws IOException {
		Path sources = this.directory.resolve("src");
		assertThat(run("make:migration", "create_users", "--java", "--dir", sources.toString()))
			.isEqualTo(MigrationCommandLine.SUCCESS);
		Path file = sources.resolve("CreateUsers.java");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Created " + file);
		assertThat(Files.readString(file)).startsWith("package db.migrations;")
			.contains("import dev.migrations.Migration;")
			.contains("public class CreateUsers implements Migration {")
			.containsPattern("MigrationId\\.parse\\(\"m_\\d{14}_create_users\"\\)")
			.doesNotContain("springframework")
			.doesNotContain("@Component")
			.doesNotContain("dev.migrations.boot");
		assertThat(JavaSources.compile(file, this.directory.resolve("classes"))).isEmpty();
	}

	@Test
	void javaWritesTheClassOfTheTemplateItIsGiven() throws IOException {
		MigrationTemplate template = (packageName, className, id) -> "// " + packageName + " " + className + " " + id;
		MigrationCommandLine commandLine = new MigrationCommandLine((listener) -> {
			throw new IllegalStateException("make:migration needs no database");
		}, List.of(), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), false, List.of(), template);
		assertThat(
				commandLine.run(List.of("make:migration", "2fa_codes", "--java", "--dir", this.directory.toString())))
			.isEqualTo(MigrationCommandLine.SUCCESS);
		assertThat(Files.readString(this.directory.resolve("M2faCodes.java")))
			.matches("// db\\.migrations M2faCodes m_\\d{14}_2fa_codes");
	}

	@Test
	void aFirstLocationNamingTheDatabaseAsksForTheFolderOfOne() throws IOException {
		String location = "filesystem:" + this.directory + "/{vendor}";
		MigrationCommandLine commandLine = new MigrationCommandLine((listener) -> {
			throw new IllegalStateException("make:migration needs no database");
		}, List.of(location), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), false, List.of());
		assertThat(commandLine.run(List.of("make:migration", "create_users"))).isEqualTo(MigrationCommandLine.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("The first migration location, " + location
				+ ", names {vendor}: a migration is written for one database at a time. Pass --dir with the folder "
				+ "of the database it is for, such as --dir " + this.directory.resolve("postgresql"));
		assertThat(this.directory).isEmptyDirectory();
		Path postgresql = this.directory.resolve("postgresql");
		assertThat(commandLine.run(List.of("make:migration", "create_users", "--dir", postgresql.toString())))
			.isEqualTo(MigrationCommandLine.SUCCESS);
		try (Stream<Path> files = Files.list(postgresql)) {
			assertThat(files).hasSize(2);
		}
	}

	private int run(String... args) {
		return new MigrationCommandLine((listener) -> {
			throw new IllegalStateException("make:migration needs no database");
		}, List.of(), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), false, List.of())
			.run(List.of(args));
	}

	private List<String> files() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((file) -> file.getFileName().toString()).filter((name) -> name.endsWith(".sql")).toList();
		}
	}

}
