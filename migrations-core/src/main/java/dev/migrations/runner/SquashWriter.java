package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.Direction;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationId;
import dev.migrations.PlannedMigration;
import dev.migrations.dialect.Dialect;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;
import dev.migrations.source.SquashFile;

/**
 * Writes the text of a squash: the up plans of the migrations up to a target, rendered
 * for one database as a dry run shows them, each putting the session back after it as a
 * run does. Needs nothing of the database but its dialect and its session.
 */
final class SquashWriter {

	private SquashWriter() {
	}

	/**
	 * Return the text of the squash of every migration up to and including a target.
	 * @param target the newest migration to replace
	 * @param descriptors every migration, sorted by id
	 * @param executor renders the plans
	 * @param dialect the database's dialect
	 * @param connection a connection whose session the scripts put back
	 * @return the text
	 * @throws SQLException on a database error reading the session
	 * @throws MigrationDefinitionException if no migration has the id, or one runs Java
	 * code
	 */
	static String text(MigrationId target, List<MigrationDescriptor> descriptors, MigrationExecutor executor,
			Dialect dialect, Connection connection) throws SQLException {
		List<MigrationDescriptor> replaced = descriptors.stream()
			.filter((migration) -> migration.id().compareTo(target) <= 0)
			.toList();
		if (replaced.isEmpty() || !replaced.get(replaced.size() - 1).id().equals(target)) {
			throw new MigrationDefinitionException("Cannot squash to " + target
					+ ": no migration has this id. Nothing was written. Check the id: migrate:status lists every "
					+ "migration.");
		}
		Map<MigrationDescriptor, List<SchemaOperation>> plans = executor.render(replaced, Direction.UP);
		plans.forEach((migration, plan) -> refuseJdbcWork(target, migration, plan));
		List<PlannedMigration> planned = PlanText.planned(plans, Direction.UP, dialect, connection);
		List<SquashFile.Part> parts = new ArrayList<>(replaced.size());
		for (int i = 0; i < replaced.size(); i++) {
			MigrationDescriptor migration = replaced.get(i);
			parts.add(new SquashFile.Part(migration.id(), migration.checksum(), migration.source(),
					migration.transactional(), planned.get(i).script()));
		}
		return SquashFile.text(dialect.name(), parts);
	}

	/**
	 * A squash is a SQL file: Java code run by a migration, such as a backfill through
	 * JDBC, has no SQL to write there.
	 */
	private static void refuseJdbcWork(MigrationId target, MigrationDescriptor migration, List<SchemaOperation> plan) {
		for (SchemaOperation operation : plan) {
			if (!(operation instanceof SqlOperation) && !(operation instanceof CopyOperation)) {
				throw new MigrationDefinitionException("Cannot squash to " + target + ": " + migration.id() + " ("
						+ migration.source() + ") runs Java code (" + operation.describe()
						+ "), which a SQL file cannot hold. Nothing was written. Squash to a migration before it.");
			}
		}
	}

}
