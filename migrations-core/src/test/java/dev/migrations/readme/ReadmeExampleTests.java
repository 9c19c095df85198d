package dev.migrations.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the plain-Java example of README.md compiling and working: the README's code
 * block must be the compiled {@link Example}, and the example must run.
 */
class ReadmeExampleTests {

	@Test
	void readmeExampleIsTheCompiledExample() throws IOException {
		String readme = Files.readString(Path.of("../README.md"));
		Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
		assertThat(block.find()).isTrue();
		String example = Files.readString(Path.of("src/test/java/dev/migrations/readme/Example.java"));
		assertThat(normalize(example)).isEqualTo(normalize("package dev.migrations.readme;\n" + block.group(1)));
	}

	@Test
	void readmeExampleRuns() {
		try (TestDatabase database = TestDatabase.create(DatabaseKind.H2)) {
			Example.migrate(database.dataSource());
			assertThat(database.tables()).contains("migrations_ledger").doesNotContain("notes");
		}
	}

	private static String normalize(String code) {
		return code.replace("public class Example", "class Example").replaceAll("\\s+", " ").strip();
	}

}
