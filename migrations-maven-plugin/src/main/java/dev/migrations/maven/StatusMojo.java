package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Show every migration and its state ({@code migrate:status}); with
 * {@code failOnPending}, fail the build when any is pending, for CI.
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends AbstractMigrationsMojo {

	/**
	 * Whether to fail the build when a migration is pending.
	 */
	@Parameter(property = "migrations.failOnPending", defaultValue = "false")
	boolean failOnPending;

	@Override
	List<String> command() {
		return command("migrate:status", flag("--pending", this.failOnPending));
	}

	@Override
	String problems() {
		return "Migrations are pending";
	}

}
