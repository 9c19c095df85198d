package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Roll back the last batch, the last {@code steps} batches, or everything after a
 * migration ({@code migrate:rollback}); with {@code pretend}, print the SQL instead.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RollbackMojo extends AbstractMigrationsMojo {

	/**
	 * How many batches to roll back; default 1.
	 */
	@Parameter(property = "migrations.steps")
	@Nullable Integer steps;

	/**
	 * Roll back every migration applied after this id instead.
	 */
	@Parameter(property = "migrations.to")
	@Nullable String to;

	/**
	 * Whether to print the SQL that would run instead of running it.
	 */
	@Parameter(property = "migrations.pretend", defaultValue = "false")
	boolean pretend;

	@Override
	List<String> command() {
		return command("migrate:rollback", option("--steps", this.steps), option("--to", this.to),
				flag("--pretend", this.pretend));
	}

}
