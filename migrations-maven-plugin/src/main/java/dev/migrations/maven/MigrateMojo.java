package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Apply the pending migrations ({@code migrate}); with {@code pretend}, print the SQL
 * that would run and change nothing. Bind it, for example, to {@code generate-sources}
 * before jOOQ's code generation.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends AbstractMigrationsMojo {

	/**
	 * Whether to print the SQL that would run instead of running it: nothing changes, not
	 * even the ledger table.
	 */
	@Parameter(property = "migrations.pretend", defaultValue = "false")
	boolean pretend;

	/**
	 * Apply at most this many migrations.
	 */
	@Parameter(property = "migrations.limit")
	@Nullable Integer limit;

	/**
	 * Apply up to and including this migration id.
	 */
	@Parameter(property = "migrations.target")
	@Nullable String target;

	/**
	 * Whether to apply migrations that drop or narrow what holds data.
	 */
	@Parameter(property = "migrations.allowDestructive", defaultValue = "false")
	boolean allowDestructive;

	@Override
	List<String> command() {
		return command("migrate", option("--limit", this.limit), option("--target", this.target),
				flag("--pretend", this.pretend), flag("--allow-destructive", this.allowDestructive));
	}

	@Override
	String problems() {
		return "Migrations were not applied: validation found problems";
	}

}
