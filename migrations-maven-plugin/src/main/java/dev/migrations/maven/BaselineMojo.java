package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Mark an existing database as migrated up to a migration, so that adopting migrations
 * never replays history ({@code migrate:baseline}).
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BaselineMojo extends AbstractMigrationsMojo {

	/**
	 * The last migration the database already has, such as
	 * {@code m_20241201000000_create_users_table}.
	 */
	@Parameter(property = "migrations.baselineId", required = true)
	String baselineId = "";

	@Override
	List<String> command() {
		return List.of("migrate:baseline", this.baselineId);
	}

}
