package dev.migrations.runner;

import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Builds a target schema in an empty shadow database of the runner's kind, with a tool
 * other than the migrations: the schema an ORM creates for an application's entities, for
 * example. {@link SchemaMigrations#toSchemaBuiltBy(ShadowSchema)} reads what it built and
 * writes the migration that reaches it. Implementations need not be thread-safe; each
 * call gets a shadow of its own.
 */
@FunctionalInterface
public interface ShadowSchema {

	/**
	 * Create the schema in an empty database, in its default schema (the ledger's schema,
	 * where the runner names one); the database is dropped or emptied afterwards.
	 * @param shadow the empty database
	 * @throws SQLException if the schema cannot be created
	 */
	void build(DataSource shadow) throws SQLException;

}
