package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fail the build on anything that would stop {@code migrate}, such as an applied
 * migration edited since (its checksum changed) or a failed one
 * ({@code migrate:validate}).
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ValidateMojo extends AbstractMigrationsMojo {

	@Override
	List<String> command() {
		return List.of("migrate:validate");
	}

	@Override
	String problems() {
		return "Validation found problems, listed above";
	}

}
