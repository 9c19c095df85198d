package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.migrations.MigrationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class an application's {@code make:migration NAME --java} writes is a component the
 * application finds, with its id, and it compiles.
 */
class ComponentMigrationTemplateTests {

	@TempDir
	Path directory;

	@Test
	void writesAMigrationComponentWithItsIdThatCompiles() throws IOException {
		MigrationId id = MigrationId.parse("m_20250101000000_create_users");
		String source = new ComponentMigrationTemplate().javaSource("db.migrations", "CreateUsers", id);
		assertThat(source).startsWith("package db.migrations;")
			.contains("import org.springframework.stereotype.Component;")
			.contains("import dev.migrations.boot.autoconfigure.MigrationBean;")
			.contains("@Component\n@MigrationBean(\"m_20250101000000_create_users\")\n"
					+ "public class CreateUsers implements Migration {");
		Path file = Files.createDirectories(this.directory.resolve("db/migrations")).resolve("CreateUsers.java");
		Files.writeString(file, source);
		assertThat(compile(file)).isEmpty();
	}

	private String compile(Path file) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path classes = Files.createDirectories(this.directory.resolve("classes"));
		StringWriter errors = new StringWriter();
		boolean compiled = compiler
			.getTask(errors, null, null, List.of("-classpath", classPath, "-d", classes.toString(), "-proc:none"), null,
					compiler.getStandardFileManager(null, null, null).getJavaFileObjects(file))
			.call();
		return compiled ? "" : errors.toString();
	}

}
