package dev.migrations.boot.autoconfigure;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import dev.migrations.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Tells Spring Boot that a DataSource migrated by a {@link MigrationRunner} has its
 * schema managed, so Hibernate does not default to {@code create-drop} on an embedded
 * database. A runner that migrates the same database through a connection of its own
 * ({@code migrations.url} or {@code migrations.user}) counts too: its JDBC URL is
 * compared.
 */
class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<MigrationRunner> runners;

	MigrationsSchemaManagementProvider(ObjectProvider<MigrationRunner> runners) {
		this.runners = runners;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		if (this.runners.stream().anyMatch((runner) -> runner.dataSource().equals(dataSource))) {
			return SchemaManagement.MANAGED;
		}
		String url = url(dataSource);
		if (url != null && this.runners.stream().anyMatch((runner) -> url.equals(url(runner.dataSource())))) {
			return SchemaManagement.MANAGED;
		}
		return SchemaManagement.UNMANAGED;
	}

	private static @Nullable String url(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
		}
		catch (MetaDataAccessException ex) {
			return null;
		}
	}

}
