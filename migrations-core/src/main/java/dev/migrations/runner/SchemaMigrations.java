package dev.migrations.runner;

import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrations.MigrationException;
import dev.migrations.catalog.Catalog;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.internal.Jdbc;

/**
 * Migrations written from schemas rather than by hand, for a runner's database: the
 * repair of its drift, the step from what its migrations build to a target schema (a
 * development database changed by hand, or the schema of an application's entities), and
 * its schema as SQL. Each is a {@link GeneratedMigration} to review; nothing here changes
 * the database. Obtained from {@link MigrationRunner#generate()}. Thread-safe.
 */
public final class SchemaMigrations {

	private final DataSource connections;

	private final SchemaReplay replay;

	private final MigrationGenerator generator;

	private final Dialect dialect;

	SchemaMigrations(DataSource connections, SchemaReplay replay, Dialect dialect) {
		this.connections = connections;
		this.replay = replay;
		this.generator = new MigrationGenerator(dialect);
		this.dialect = dialect;
	}

	/**
	 * Return the migration that turns what the database holds back into the schema its
	 * applied migrations build (see {@link MigrationRunner#drift()}): empty when there is
	 * no drift.
	 * @return the migration
	 */
	public GeneratedMigration repair() {
		return Jdbc.withConnection(this.connections,
				(connection) -> this.generator.between(this.replay.live(connection), this.replay.expected(connection)));
	}

	/**
	 * Return the migration that turns the schema every defined migration builds (applied
	 * in order to an empty shadow database) into a target schema.
	 * @param target the schema to reach, as a catalog reader of this database's kind
	 * reads it
	 * @return the migration
	 */
	public GeneratedMigration toSchema(Catalog target) {
		Objects.requireNonNull(target, "target must not be null");
		return Jdbc.withConnection(this.connections,
				(connection) -> this.generator.between(this.replay.defined(connection), target));
	}

	/**
	 * Return the migration that turns the schema every defined migration builds into the
	 * schema another tool builds: the schema an ORM creates for an application's
	 * entities, say. The tool builds it on an empty shadow database of the runner's kind
	 * (see {@link MigrationRunnerBuilder#shadow(ShadowDatabase)}), which is read, leaving
	 * out ledger tables, and dropped; then the migrations build theirs on another.
	 * @param schema what builds the target schema
	 * @return the migration, empty when the migrations already build that schema
	 * @throws MigrationException if the shadow cannot be opened or the schema not built
	 */
	public GeneratedMigration toSchemaBuiltBy(ShadowSchema schema) {
		Objects.requireNonNull(schema, "schema must not be null");
		Catalog target = Jdbc.withConnection(this.connections, (connection) -> this.replay.builtBy(connection, schema));
		return toSchema(target);
	}

	/**
	 * Return the migration that turns the schema every defined migration builds into what
	 * another database of the same kind holds: a development database changed by hand.
	 * Its ledger tables, if it has any, are left out.
	 * @param development the database to reach
	 * @return the migration
	 * @throws MigrationException if it is a database of another kind
	 */
	public GeneratedMigration toDatabase(DataSource development) {
		Objects.requireNonNull(development, "development must not be null");
		Catalog target = Jdbc.withConnection(development, (connection) -> {
			Dialect kind = Dialects.detect(connection);
			if (!kind.name().equals(this.dialect.name())) {
				throw new MigrationException("The database to reach is a " + kind.name() + " database and this one a "
						+ this.dialect.name()
						+ " database: a migration is written for the database it runs on, from a database of the "
						+ "same kind");
			}
			return this.dialect.readCatalog(connection, null, this.replay.ledgerTables());
		});
		return toSchema(target);
	}

	/**
	 * Return what the database holds in the ledger's schema as the statements that create
	 * it on an empty database of the same kind, as far as the schema builder and SQL
	 * views write them; the notes say what is left out (checks, routines, triggers,
	 * sequences, types the builder does not have). A description for review, not a
	 * backup: it has no rows, and what the notes list is missing.
	 * @return the schema as a migration from an empty database
	 */
	public GeneratedMigration dump() {
		return Jdbc.withConnection(this.connections, (connection) -> this.generator
			.between(new Catalog(List.of(), List.of(), List.of()), this.replay.live(connection)));
	}

}
