package dev.migrations.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import dev.migrations.MigrationRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How SQL migration files are read, on every database: what a file holds reaches the
 * database as written.
 */
abstract class SqlFileConformanceTests extends FreshDatabaseTests {

	private static final String CREATE_NOTES = "20240101000000_create_notes";

	@Test
	void aCarriageReturnInsideAStringLiteralOfAFileWithWindowsLineEndingsIsStoredAsWritten() throws IOException {
		write(CREATE_NOTES + ".sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20));\r\n"
				+ "INSERT INTO notes (id, body) VALUES (1, 'a\r\nb');\r\nINSERT INTO notes (id, body) VALUES (2, 'c\nd');\r\n");
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForString("SELECT body FROM notes WHERE id = 1")).isEqualTo("a\r\nb");
		assertThat(this.database.queryForString("SELECT body FROM notes WHERE id = 2")).isEqualTo("c\nd");
	}

	private MigrationRunner runner() {
		return MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30))
			.build();
	}

	private void write(String fileName, String content) throws IOException {
		Files.writeString(this.directory.resolve(fileName), content);
	}

}
