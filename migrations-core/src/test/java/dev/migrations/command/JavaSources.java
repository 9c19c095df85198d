package dev.migrations.command;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a generated source file against the test class path, as a user's build would.
 */
final class JavaSources {

	private JavaSources() {
	}

	/**
	 * Compile a file.
	 * @param file the source file
	 * @param classes where the class files go
	 * @return the compiler's errors, empty when the file compiled
	 */
	static String compile(Path file, Path classes) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		StringWriter errors = new StringWriter();
		Files.createDirectories(classes);
		boolean compiled = compiler
			.getTask(errors, null, null, List.of("-classpath", classPath, "-d", classes.toString(), "-proc:none"), null,
					compiler.getStandardFileManager(null, null, null).getJavaFileObjects(file))
			.call();
		return compiled ? "" : errors.toString();
	}

}
