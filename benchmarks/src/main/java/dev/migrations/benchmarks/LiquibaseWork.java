package dev.migrations.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.StatusCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase through its command API ({@code update} and {@code status}), reading a master
 * changelog that includes one formatted-SQL file per migration. Messages meant for a
 * console go to the log, as Spring Boot configures Liquibase by default.
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
