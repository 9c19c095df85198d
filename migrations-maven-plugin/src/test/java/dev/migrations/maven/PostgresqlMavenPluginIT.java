package dev.migrations.maven;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlMavenPluginIT extends MavenPluginConformanceIT {

	@Override
	String driver() {
		return "org.postgresql:postgresql";
	}

	@Override
	Class<?> driverClass() {
		return org.postgresql.Driver.class;
	}

}
