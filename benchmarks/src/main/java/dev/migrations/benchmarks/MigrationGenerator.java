package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the same N migrations in each tool's format. Migration {@code i} creates table
 * {@code t_i}, an index on it and inserts one row; every tool gets exactly these
 * statements, one file per migration. The introspection scenarios use a variant in this
 * library's format whose tables also have a foreign key to the table before
 * ({@link #writeLinked}).
 */
final class MigrationGenerator {

	private static final LocalDateTime FIRST_TIMESTAMP = LocalDateTime.of(2024, 1, 1, 0, 0, 0);

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	static final String LIQUIBASE_CHANGELOG = "changelog.xml";

	private MigrationGenerator() {
	}

	/**
	 * Return the statements of migration {@code number}, without terminators.
	 * @param number the migration number, from 1
	 * @return the statements
	 */
	static List<String> statements(int number) {
		String table = "t_" + number;
		return List.of(
				"CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, created_at TIMESTAMP)",
				"CREATE INDEX " + table + "_name_index ON " + table + " (name)", "INSERT INTO " + table
						+ " (id, name, created_at) VALUES (1, 'row of " + table + "', CURRENT_TIMESTAMP)");
	}

	/**
	 * Return the statements of migration {@code number} of the linked variant: table
	 * {@code t_i} with a primary key, a foreign key to {@code t_(i/2)} (none for the
	 * first), an index, and one row. The foreign keys form a binary tree, about log2 N
	 * deep: a chain of N, each table referencing the one before, makes Liquibase's
	 * snapshot recurse N deep, and with 1000 tables it fails with a
	 * {@link StackOverflowError}.
	 * @param number the migration number, from 1
	 * @return the statements
	 */
	static List<String> linkedStatements(int number) {
		String table = "t_" + number;
		boolean first = number == 1;
		String foreignKey = first ? ""
				: ", CONSTRAINT " + table + "_parent_fk FOREIGN KEY (parent_id) REFERENCES t_" + (number / 2) + " (id)";
		return List.of(
				"CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, created_at TIMESTAMP, "
						+ "parent_id BIGINT" + foreignKey + ")",
				"CREATE INDEX " + table + "_name_index ON " + table + " (name)",
				"INSERT INTO " + table + " (id, name, created_at, parent_id) VALUES (1, 'row of " + table
						+ "', CURRENT_TIMESTAMP, " + (first ? "NULL" : "1") + ")");
	}

	/**
	 * Write {@code count} migrations of the linked variant ({@link #linkedStatements}),
	 * in this library's format, into an empty directory.
	 * @param directory the directory, created if missing
	 * @param count how many migrations
	 * @throws IOException if a file cannot be written
	 */
	static void writeLinked(Path directory, int count) throws IOException {
		Files.createDirectories(directory);
		for (int number = 1; number <= count; number++) {
			String name = FIRST_TIMESTAMP.plusSeconds(number).format(TIMESTAMP) + "_create_t_" + number + ".sql";
			Files.writeString(directory.resolve(name), script(linkedStatements(number)));
		}
	}

	/**
	 * Write {@code count} migrations for a tool into an empty directory.
	 * @param tool the tool whose format to write
	 * @param directory the directory, created if missing
	 * @param count how many migrations
	 * @throws IOException if a file cannot be written
	 */
	static void write(Tool tool, Path directory, int count) throws IOException {
		Files.createDirectories(directory);
		switch (tool) {
			case PLAIN_JDBC ->
				writeEach(directory, count, (number) -> "%05d_create_t_%d.sql".formatted(number, number));
			case MIGRATIONS_INDEX -> IndexedMigrationsWork.write(directory, count);
			// A class path root without an index: the starter's AOT processor writes it
			case PLAIN_AOT, MIGRATIONS_AOT -> writeMigrations(directory.resolve(BenchmarkApplication.SCRIPTS), count);
			case MIGRATIONS, MIGRATIONS_SQUASH, MIGRATIONS_TEMPLATE, MIGRATIONS_FLEET_1, MIGRATIONS_FLEET_2,
					MIGRATIONS_FLEET_4, MIGRATIONS_LOOP, PLAIN_LEDGER ->
				writeEach(directory, count, (number) -> FIRST_TIMESTAMP.plusSeconds(number).format(TIMESTAMP)
						+ "_create_t_" + number + ".sql");
			case FLYWAY -> writeEach(directory, count, (number) -> "V" + number + "__create_t_" + number + ".sql");
			case LIQUIBASE -> writeLiquibase(directory, count);
		}
	}

	private static void writeLiquibase(Path directory, int count) throws IOException {
		Path changes = directory.resolve("changes");
		Files.createDirectories(changes);
		StringBuilder changelog = new StringBuilder();
		changelog.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		changelog.append("<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n");
		changelog.append("\t\txmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
		changelog.append("\t\txsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog ");
		changelog.append("http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
		for (int number = 1; number <= count; number++) {
			String name = "%05d_create_t_%d.sql".formatted(number, number);
			String header = "--liquibase formatted sql\n\n--changeset benchmark:create_t_" + number + "\n";
			Files.writeString(changes.resolve(name), header + script(number));
			changelog.append("\t<include file=\"changes/")
				.append(name)
				.append("\" relativeToChangelogFile=\"true\"/>\n");
		}
		changelog.append("</databaseChangeLog>\n");
		Files.writeString(directory.resolve(LIQUIBASE_CHANGELOG), changelog);
	}

	/**
	 * Write {@code count} migrations in this library's format.
	 * @param directory the directory, created if missing
	 * @param count how many migrations
	 * @throws IOException if a file cannot be written
	 */
	static void writeMigrations(Path directory, int count) throws IOException {
		Files.createDirectories(directory);
		writeEach(directory, count,
				(number) -> FIRST_TIMESTAMP.plusSeconds(number).format(TIMESTAMP) + "_create_t_" + number + ".sql");
	}

	private static void writeEach(Path directory, int count, FileNamer namer) throws IOException {
		for (int number = 1; number <= count; number++) {
			Files.writeString(directory.resolve(namer.name(number)), script(number));
		}
	}

	/**
	 * Return the script of migration {@code number}: one statement a line, each ending
	 * with a semicolon.
	 * @param number the migration number
	 * @return the script
	 */
	static String script(int number) {
		return script(statements(number));
	}

	private static String script(List<String> statements) {
		StringBuilder script = new StringBuilder();
		for (String statement : statements) {
			script.append(statement).append(";\n");
		}
		return script.toString();
	}

	@FunctionalInterface
	private interface FileNamer {

		String name(int number);

	}

}
