package dev.migrations.samples.aot;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.migrations.source.MigrationIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The application as {@code process-aot} left it, started in a JVM of its own with
 * {@code -Dspring.aot.enabled=true}, on a fresh H2 and a fresh PostgreSQL database: it
 * applies its migrations from the index written at build time, reads no script when
 * nothing is pending (a script edited after the build is not noticed, while a start
 * without AOT notices it), and an index built again, carrying the edited script's
 * checksum, fails validation.
 */
class AotApplicationIT {

	private static final String CREATE_NOTES = "db/migrations/20250101000000_create_notes.up.sql";

	@TempDir
	Path directory;

	private Path classes;

	@BeforeEach
	void copyTheProcessedClasses() throws IOException {
		String built = System.getProperty("aot.classes");
		assertThat(built).as("system property aot.classes (set by the failsafe configuration)").isNotNull();
		Path processed = Path.of(built);
		assertThat(processed.resolve(MigrationIndex.RESOURCE)).as("the index process-aot wrote").isRegularFile();
		assertThat(processed.resolve("dev/migrations/samples/aot/AotApplication__ApplicationContextInitializer.class"))
			.as("the initializer process-aot generated")
			.isRegularFile();
		// A copy, so that editing a script leaves the build's output as it was
		this.classes = this.directory.resolve("classes");
		FileSystemUtils.copyRecursively(processed, this.classes);
	}

	@Test
	void onH2() throws Exception {
		String url = "jdbc:h2:file:" + this.directory.resolve("aot").toAbsolutePath() + ";USER=sa";
		startsFromTheIndexAndReadsNoScriptWhenNothingIsPending(url, url);
	}

	@Test
	void onPostgresql() throws Exception {
		String server = System.getenv("MIGRATIONS_TEST_POSTGRES_URL");
		if (server == null) {
			assertThat(System.getenv("MIGRATIONS_TEST_REQUIRE_DATABASES"))
				.as("MIGRATIONS_TEST_POSTGRES_URL is required when MIGRATIONS_TEST_REQUIRE_DATABASES is set")
				.isNotEqualTo("true");
			assumeTrue(false, "MIGRATIONS_TEST_POSTGRES_URL is not set: no PostgreSQL server to test on");
		}
		String database = "aot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(server, "CREATE DATABASE " + database);
		try {
			String url = server.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
			startsFromTheIndexAndReadsNoScriptWhenNothingIsPending(url, url);
		}
		finally {
			execute(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	private void startsFromTheIndexAndReadsNoScriptWhenNothingIsPending(String url, String jdbcUrl) throws Exception {
		Started first = start(url, true);
		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output()).contains("from the index written at build time")
			.contains("Applied 3 migration(s) in batch 1")
			.contains("Ledger: 3 applied, 0 not applied");
		assertThat(query(jdbcUrl, "SELECT id FROM migrations_ledger ORDER BY id")).containsExactly(
				"m_20250101000000_create_notes", "m_20250101000100_index_note_titles", "m_20250101000200_welcome_note");
		assertThat(query(jdbcUrl, "SELECT title FROM notes")).containsExactly("Welcome");

		// An edit after the build: with the index, nothing pending, the script is not
		// read, so the edit goes unnoticed; listing the scripts, as without AOT,
		// notices it
		Files.writeString(this.classes.resolve(CREATE_NOTES), "ALTER TABLE notes ADD COLUMN body TEXT;\n",
				StandardOpenOption.APPEND);
		Started fromIndex = start(url, true);
		assertThat(fromIndex.exitCode()).as(fromIndex.output()).isZero();
		assertThat(fromIndex.output()).contains("Ledger: 3 applied, 0 not applied")
			.doesNotContain("Applied 1 migration");
		Started listed = start(url, false);
		assertThat(listed.exitCode()).as(listed.output()).isNotZero();
		assertThat(listed.output()).doesNotContain("from the index written at build time")
			.contains("m_20250101000000_create_notes");
		assertThat(query(jdbcUrl, "SELECT COUNT(*) FROM migrations_ledger")).containsExactly("3");

		// The index built again from the edited script carries its checksum, and the
		// start with it fails validation
		rebuildIndex();
		Started rebuilt = start(url, true);
		assertThat(rebuilt.exitCode()).as(rebuilt.output()).isNotZero();
		assertThat(rebuilt.output()).contains("from the index written at build time")
			.contains("m_20250101000000_create_notes")
			.doesNotContain("Ledger:");
		assertThat(query(jdbcUrl, "SELECT COUNT(*) FROM migrations_ledger")).containsExactly("3");
	}

	/**
	 * Write the index of the copied classes again, as a build of the edited application
	 * would.
	 */
	private void rebuildIndex() throws IOException {
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { this.classes.toUri().toURL() }, null)) {
			MigrationIndex index = MigrationIndex.build(List.of("classpath:db/migrations"), classLoader,
					StandardCharsets.UTF_8);
			try (Writer writer = Files.newBufferedWriter(this.classes.resolve(MigrationIndex.RESOURCE))) {
				index.write(writer);
			}
		}
	}

	private Started start(String url, boolean aot) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-Dspring.aot.enabled=" + aot, "-cp", classpath(), AotApplication.class.getName(),
						"--spring.datasource.url=" + url));
		Path output = Files.createTempFile(this.directory, "aot", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().remove("SPRING_DATASOURCE_URL");
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError("The application did not stop within 120 s:\n" + Files.readString(output));
		}
		return new Started(process.exitValue(), Files.readString(output));
	}

	/**
	 * The copied classes, then this JVM's class path without this module's own output.
	 */
	private String classpath() {
		Path target = Path.of(System.getProperty("aot.classes")).getParent().toAbsolutePath();
		List<String> entries = new ArrayList<>();
		entries.add(this.classes.toString());
		Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !Path.of(entry).toAbsolutePath().startsWith(target))
			.forEach(entries::add);
		return String.join(File.pathSeparator, entries);
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static List<String> query(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private record Started(int exitCode, String output) {

	}

}
