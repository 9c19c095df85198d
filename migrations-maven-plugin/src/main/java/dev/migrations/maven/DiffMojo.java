package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compare the database with the schema its migrations build, replayed on a shadow
 * database, and fail the build on drift ({@code migrate:diff}).
 */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DiffMojo extends AbstractMigrationsMojo {

	@Override
	List<String> command() {
		return List.of("migrate:diff");
	}

	@Override
	String problems() {
		return "The database differs from the schema its migrations build";
	}

}
