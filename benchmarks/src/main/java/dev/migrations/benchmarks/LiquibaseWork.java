package dev.migrations.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.DiffCommandStep;
import liquibase.command.core.SnapshotCommandStep;
import liquibase.command.core.StatusCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ReferenceDbUrlConnectionCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffResult;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.structure.core.Catalog;
import liquibase.structure.core.Table;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase through its command API ({@code update} and {@code status}), reading a master
 * changelog that includes one formatted-SQL file per migration; for the introspection
 * scenarios, {@code snapshot} and {@code diff}. Messages meant for a console go to the
 * log, as Spring Boot configures Liquibase by default.
 */
final class LiquibaseWork implements ToolWork {

	@Override
	public OptionalInt apply(DataSource dataSource, Path migrations) throws Exception {
		run(dataSource, migrations,
				(database) -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
					.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
					.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, MigrationGenerator.LIQUIBASE_CHANGELOG)
					.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
					.execute());
		return OptionalInt.empty();
	}

	@Override
	public OptionalInt status(DataSource dataSource, Path migrations) throws Exception {
		run(dataSource, migrations, (database) -> new CommandScope(StatusCommandStep.COMMAND_NAME)
			.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
			.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, MigrationGenerator.LIQUIBASE_CHANGELOG)
			.addArgumentValue(StatusCommandStep.VERBOSE_ARG, true)
			.setOutput(new ByteArrayOutputStream())
			.execute());
		return OptionalInt.empty();
	}

	/**
	 * Take a snapshot of the database with Liquibase's {@code snapshot} command, its text
	 * report written to a buffer.
	 * @param dataSource the database
	 * @return the names of the tables in the snapshot
	 * @throws Exception if Liquibase fails
	 */
	List<String> snapshot(DataSource dataSource) throws Exception {
		List<String> tables = new ArrayList<>();
		try (Database database = database(dataSource)) {
			Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
				DatabaseSnapshot snapshot = (DatabaseSnapshot) new CommandScope(SnapshotCommandStep.COMMAND_NAME)
					.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
					.setOutput(new ByteArrayOutputStream())
					.execute()
					.getResult("snapshot");
				snapshot.get(Table.class).forEach((table) -> tables.add(table.getName()));
			});
		}
		return tables;
	}

	/**
	 * Compare the database with a reference database with Liquibase's {@code diff}
	 * command (a snapshot of each, then the comparison), its text report written to a
	 * buffer.
	 * @param dataSource the database
	 * @param referenceDataSource the reference database
	 * @return the differences, one line each: objects missing from the database, objects
	 * only in it, and changed objects other than the catalog (the database's name)
	 * @throws Exception if Liquibase fails
	 */
	List<String> diff(DataSource dataSource, DataSource referenceDataSource) throws Exception {
		List<String> differences = new ArrayList<>();
		try (Database database = database(dataSource); Database reference = database(referenceDataSource)) {
			Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
				DiffResult result = new CommandScope(DiffCommandStep.COMMAND_NAME)
					.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
					.addArgumentValue(ReferenceDbUrlConnectionCommandStep.REFERENCE_DATABASE_ARG, reference)
					.setOutput(new ByteArrayOutputStream())
					.execute()
					.getResult(DiffCommandStep.DIFF_RESULT);
				result.getMissingObjects().forEach((object) -> differences.add("missing " + object));
				result.getUnexpectedObjects().forEach((object) -> differences.add("unexpected " + object));
				// Two databases have two names: a catalog (PostgreSQL: the database)
				// always differs
				result.getChangedObjects().forEach((object, changes) -> {
					if (!(object instanceof Catalog)) {
						differences.add("changed " + object + ": " + changes.getDifferences());
					}
				});
			});
		}
		return differences;
	}

	private static Database database(DataSource dataSource) throws Exception {
		return DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(dataSource.getConnection()));
	}

	private static void run(DataSource dataSource, Path migrations, Command command) throws Exception {
		try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(migrations);
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(dataSource.getConnection()))) {
			Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), resources, Scope.Attr.ui.name(),
					new LoggerUIService());
			Scope.child(scope, () -> command.execute(database));
		}
	}

	@FunctionalInterface
	private interface Command {

		void execute(Database database) throws Exception;

	}

}
