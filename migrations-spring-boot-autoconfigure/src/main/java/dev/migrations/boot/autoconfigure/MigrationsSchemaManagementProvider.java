package dev.migrations.boot.autoconfigure;

import javax.sql.DataSource;

import dev.migrations.MigrationRunner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that a DataSource migrated by a {@link MigrationRunner} has its
 * schema managed, so Hibernate does not default to {@code create-drop} on an embedded
 * database.
 */
class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<MigrationRunner> runners;

	MigrationsSchemaManagementProvider(ObjectProvider<MigrationRunner> runners) {
		this.runners = runners;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return this.runners.stream().anyMatch((runner) -> runner.dataSource().equals(dataSource))
				? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
