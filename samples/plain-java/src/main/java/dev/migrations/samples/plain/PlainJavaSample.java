package dev.migrations.samples.plain;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.ReferentialAction;

/**
 * The migration engine alone, in a main method: plan, apply, report and roll back. Runs
 * on an in-memory H2 database, or on the database whose JDBC URL is the first argument.
 */
public final class PlainJavaSample {

	private PlainJavaSample() {
	}

	public static void main(String[] args) throws SQLException {
		String url = (args.length > 0) ? args[0] : "jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1";
		// Keep one connection open so an in-memory database lives for the whole run
		try (Connection keepAlive = DriverManager.getConnection(url)) {
			MigrationRunner runner = MigrationRunner.builder(new JdbcUrlDataSource(url))
				.locations("classpath:db/migrations")
				.entries(createBooks())
				.build();

			System.out.println("== pretend: the SQL that would run");
			System.out.print(PlannedMigration.script(runner.pretend().applyAll()));

			MigrationResult applied = runner.applyAll();
			System.out
				.println("== applied " + applied.migrations().size() + " migration(s) in batch " + applied.batch());
			printStatus(runner.status());

			MigrationResult rolledBack = runner.rollback();
			System.out.println("== rolled back " + rolledBack.migrations().size() + " migration(s)");
			printStatus(runner.status());
		}
	}

	/**
	 * A Java migration written with the schema builder: its down plan is derived.
	 */
	private static MigrationEntry createBooks() {
		return MigrationEntry.of("m_20241201000100_create_books", (schema) -> schema.create("books", (table) -> {
			table.id();
			table.string("title", 200);
			table.foreignId("author_id").constrained("authors").onDelete(ReferentialAction.CASCADE);
			table.timestamps();
		}));
	}

	private static void printStatus(List<MigrationStatus> statuses) {
		System.out.printf("%-40s %-6s %-10s%n", "Migration", "Batch", "Status");
		for (MigrationStatus status : statuses) {
			System.out.printf("%-40s %-6s %-10s%n", status.id(), (status.batch() != null) ? status.batch() : "",
					status.state());
		}
	}

}
