package dev.migrations.maven;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.H2)
class H2MavenPluginIT extends MavenPluginConformanceIT {

	@Override
	String driver() {
		return "com.h2database:h2";
	}

	@Override
	Class<?> driverClass() {
		return org.h2.Driver.class;
	}

}
