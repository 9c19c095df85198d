package dev.migrations.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Write one SQL file that a new database loads instead of the migrations up to a given
 * one, for the connected database's kind ({@code migrate:squash}).
 */
@Mojo(name = "squash", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SquashMojo extends AbstractMigrationsMojo {

	/**
	 * The last migration the file replaces.
	 */
	@Parameter(property = "migrations.to", required = true)
	String to = "";

	/**
	 * The directory to write the file in, relative to the project; default the first
	 * {@code filesystem:} location.
	 */
	@Parameter(property = "migrations.dir")
	@Nullable File dir;

	@Override
	List<String> command() {
		return command("migrate:squash", option("--to", this.to),
				option("--dir", (this.dir != null) ? inProject(this.dir) : null));
	}

}
