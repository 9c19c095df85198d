package dev.migrations.samples.quickstart;

import java.util.List;

/**
 * The quickstart's commands on an H2 file database.
 */
class H2QuickstartCommandsIT extends QuickstartCommandsConformanceIT {

	@Override
	List<String> databaseArguments() {
		return List.of("--spring.datasource.url=jdbc:h2:file:" + this.directory.resolve("notes"),
				"--spring.datasource.username=sa");
	}

}
