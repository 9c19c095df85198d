package dev.migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.schema.Schema;
import dev.migrations.source.SqlMigrationSource;
import dev.migrations.sql.SqlStatementSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code v1} checksum of a migration: stable under formatting, changed by anything
 * that executes.
 */
class ChecksumTests {

	private static final String SCRIPT = """
			CREATE TABLE users (
			    id BIGINT PRIMARY KEY,
			    email VARCHAR(255) NOT NULL
			);
			INSERT INTO users (id, email) VALUES (1, 'admin@example.com');
			""";

	@TempDir
	Path directory;

	@TempDir
	Path probes;

	@Test
	void isVersionedSha256() {
		assertThat(checksum(SCRIPT)).matches("v1:[0-9a-f]{64}");
	}

	@Test
	void ignoresLineEndingsByteOrderMarkIndentationAndComments() {
		String original = checksum(SCRIPT);
		assertThat(checksum(SCRIPT.replace("\n", "\r\n"))).isEqualTo(original);
		assertThat(checksum("\uFEFF" + SCRIPT)).isEqualTo(original);
		assertThat(checksum(SCRIPT.replace("    ", "\t\t").replace("(\n", "(   \n"))).isEqualTo(original);
		assertThat(checksum(
				"-- creates the users\n" + SCRIPT.replace("NOT NULL", "NOT NULL /* required */") + "\n-- the end\n"))
			.isEqualTo(original);
	}

	@Test
	void changesWithAnyChangeToWhatExecutes() {
		String original = checksum(SCRIPT);
		assertThat(checksum(SCRIPT.replace("VARCHAR(255)", "VARCHAR(256)"))).isNotEqualTo(original);
		assertThat(checksum(SCRIPT.replace("admin@example.com", "admin@example.org"))).isNotEqualTo(original);
		assertThat(checksum(SCRIPT.replace("'admin@example.com'", "'admin@example.com '"))).isNotEqualTo(original);
		assertThat(checksum(SCRIPT + "DROP TABLE users;")).isNotEqualTo(original);
	}

	@Test
	void ignoresTheDownScript() throws IOException {
		write("20240101000000_create_users.up.sql", SCRIPT);
		write("20240101000000_create_users.down.sql", "DROP TABLE users");
		String before = load().get(0).checksum();
		write("20240101000000_create_users.down.sql", "DROP TABLE IF EXISTS users");
		assertThat(load().get(0).checksum()).isEqualTo(before).isEqualTo(checksum(SCRIPT));
	}

	@Test
	void javaMigrationChecksumDependsOnItsPlanOnly() {
		Migration migration = (schema) -> schema.sql("CREATE TABLE t (id INT)");
		Migration reformatted = (schema) -> schema
			.sql("create table t (id INT)".replace("create table", "CREATE  TABLE"));
		String first = MigrationEntry.buildDescriptors(List.of(MigrationEntry.of("20240101000000_a", migration)))
			.get(0)
			.checksum();
		String second = MigrationEntry.buildDescriptors(List.of(MigrationEntry.of("20240101000000_a", reformatted)))
			.get(0)
			.checksum();
		assertThat(first).isEqualTo(second).isEqualTo(checksum("CREATE TABLE t (id INT)"));
		Migration changed = (Schema schema) -> schema.sql("CREATE TABLE t (id BIGINT)");
		assertThat(MigrationEntry.buildDescriptors(List.of(MigrationEntry.of("20240101000000_a", changed)))
			.get(0)
			.checksum()).isNotEqualTo(first);
	}

	private String checksum(String script) {
		try {
			// A folder of its own: the migrations a test writes are not read with it
			Path probe = Files.createTempDirectory(this.probes, "probe");
			Files.writeString(probe.resolve("20240101000000_probe.sql"), script);
			return load(probe).get(0).checksum();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<MigrationDescriptor> load() {
		return load(this.directory);
	}

	private List<MigrationDescriptor> load(Path directory) {
		return MigrationEntry.buildDescriptors(new SqlMigrationSource(List.of("filesystem:" + directory),
				getClass().getClassLoader(), SqlStatementSplitter.standard())
			.load());
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.directory.resolve(name), content);
	}

}
