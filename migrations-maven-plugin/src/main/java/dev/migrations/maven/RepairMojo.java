package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Remove the ledger's {@code FAILED} and {@code RUNNING} rows once the database is fixed,
 * and with {@code acceptChecksums} take the checksums of edited applied migrations
 * ({@code migrate:repair}).
 */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RepairMojo extends AbstractMigrationsMojo {

	/**
	 * Whether to accept the current checksums of applied migrations edited since.
	 */
	@Parameter(property = "migrations.acceptChecksums", defaultValue = "false")
	boolean acceptChecksums;

	/**
	 * Whether to take the lock from a run in progress as well.
	 */
	@Parameter(property = "migrations.force", defaultValue = "false")
	boolean force;

	@Override
	List<String> command() {
		return command("migrate:repair", flag("--accept-checksums", this.acceptChecksums), flag("--force", this.force));
	}

}
