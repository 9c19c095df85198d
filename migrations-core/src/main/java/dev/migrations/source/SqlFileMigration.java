package dev.migrations.source;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.DescriptorFactory;
import dev.migrations.IrreversibleMigrationException;
import dev.migrations.KnownChecksum;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationId;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.Schema;
import dev.migrations.schema.SqlOperation;
import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlStatementSplitter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migration read from an {@code .up.sql} file and an optional {@code .down.sql} file.
 */
final class SqlFileMigration implements Migration {

	private static final Logger logger = LoggerFactory.getLogger(SqlFileMigration.class);

	private final String upScript;

	private final @Nullable String downScript;

	private final String upSource;

	private final String downSource;

	private final SqlStatementSplitter splitter;

	private final boolean transactional;

	private final boolean destructive;

	private final boolean repair;

	private final Placeholders placeholders;

	private final @Nullable String flywayVersion;

	SqlFileMigration(String upScript, @Nullable String downScript, String upSource, String downSource,
			SqlStatementSplitter splitter, Placeholders placeholders) {
		this.upScript = upScript;
		this.downScript = downScript;
		this.upSource = upSource;
		this.downSource = downSource;
		this.splitter = splitter;
		List<String> headers = splitter.headerComments(upScript);
		this.transactional = !hasHeader(headers, "no-transaction");
		this.destructive = hasHeader(headers, "destructive");
		this.repair = hasHeader(headers, "repair");
		this.placeholders = hasHeader(headers, "no-placeholders") ? Placeholders.disabled() : placeholders;
		this.flywayVersion = flywayVersion(headers, upSource);
	}

	/**
	 * Return the migration of a file. When its up script uses a placeholder that has no
	 * value, the checksum, computed over the file as written, is known without the value,
	 * so that the status and validation of a database need none; the error naming the
	 * placeholder comes when the plan is recorded: when the migration is applied, shown
	 * by a dry run or rolled back.
	 */
	static Migration of(MigrationId id, String upScript, @Nullable String downScript, String upSource,
			String downSource, SqlStatementSplitter splitter, Placeholders placeholders) {
		SqlFileMigration migration = new SqlFileMigration(upScript, downScript, upSource, downSource, splitter,
				placeholders);
		return migration.placeholders.lacksValueIn(upScript) ? new ValuesLacking(id, migration) : migration;
	}

	@Override
	public void up(Schema schema) {
		record(schema, this.upScript, this.upSource, this.placeholders);
	}

	@Override
	public void down(Schema schema) {
		if (this.downScript == null) {
			throw new IrreversibleMigrationException("there is no .down.sql file beside " + this.upSource);
		}
		record(schema, this.downScript, this.downSource, this.placeholders);
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	@Override
	public boolean destructive() {
		return this.destructive;
	}

	@Override
	public boolean repair() {
		return this.repair;
	}

	@Override
	public @Nullable String flywayVersion() {
		return this.flywayVersion;
	}

	/**
	 * Return the version a {@code -- flyway: V1.1} header line gives, dots for
	 * underscores as Flyway reads them, or {@code null} when there is no such line.
	 */
	static @Nullable String flywayVersion(List<String> headers, String source) {
		for (String comment : headers) {
			Matcher header = FlywayHeader.LINE.matcher(comment.strip());
			if (header.matches()) {
				String version = header.group(1).strip();
				if (!FlywayHeader.VERSION.matcher(version).matches()) {
					throw new MigrationDefinitionException("The header line '-- " + comment.strip() + "' of " + source
							+ " does not give a Flyway version: write it as '-- flyway: V' followed by the version "
							+ "the file had under Flyway, such as '-- flyway: V1.1'");
				}
				return version.replace('_', '.');
			}
		}
		return null;
	}

	/**
	 * The patterns of a {@code -- flyway: V1.1} header line, the version a renamed Flyway
	 * file had, compiled when a script first has a header.
	 */
	private static final class FlywayHeader {

		private static final Pattern LINE = Pattern.compile("(?i:flyway):\\s*V([0-9].*)");

		private static final Pattern VERSION = Pattern.compile("[0-9]+(?:[._][0-9]+)*");

	}

	private void record(Schema schema, String script, String source, Placeholders placeholders) {
		for (SqlStatement statement : this.splitter.split(script)) {
			switch (statement.kind()) {
				case SQL -> {
					if (this.transactional) {
						refuseTransactionControl(statement);
					}
					// The canonical text, which the checksum is computed over, stays as
					// written
					schema.add(new SqlOperation(placeholders.replace(statement.sql(), source, statement.line()),
							statement.canonical(), statement.line()));
				}
				case COPY_FROM_STDIN -> {
					SqlStatement.CopyData data = Objects.requireNonNull(statement.copyData());
					// The command's placeholders are replaced, its rows stay as written
					schema.add(new CopyOperation(placeholders.replace(statement.sql(), source, statement.line()),
							data.rows(), statement.canonical(), statement.line(), data.line()));
				}
				case COPY_TO_STDOUT -> throw new IllegalArgumentException("line " + statement.line()
						+ " is COPY ... TO stdout, which sends rows to the client, and a migration has nowhere to "
						+ "send them. Nothing was changed. Remove it; to export rows, run it with psql.");
				case PSQL_META_COMMAND -> {
					PsqlMetaCommand command = PsqlMetaCommand.of(statement.sql(), statement.line());
					if (!command.isSkipped()) {
						throw new IllegalArgumentException(command.refusal());
					}
					logger.info("Skipping the psql meta-command {} at line {} of {}: pg_dump writes it for psql, "
							+ "and it changes nothing in the database", command.name(), command.line(), source);
				}
			}
		}
	}

	/**
	 * A statement that ends or splits the transaction a migration shares with its ledger
	 * row would leave part of the migration applied when a later statement fails, while
	 * the ledger says nothing of it was; such a file must run outside a transaction.
	 */
	private void refuseTransactionControl(SqlStatement statement) {
		String control = transactionControl(statement.canonical());
		if (control != null) {
			throw new IllegalArgumentException("line " + statement.line() + " is transaction control (" + control
					+ "), which would end or split the transaction that the migration and its ledger row share, so "
					+ "that part of the migration could stay applied with no ledger row. Nothing was changed. Remove "
					+ "it and let the migration run in its transaction; or, to run the file as written, make "
					+ "\"-- migrations: no-transaction\" its first line (the file then runs outside a transaction, "
					+ "and a failure part-way leaves a FAILED row to repair)");
		}
	}

	/**
	 * Return the transaction control a statement starts with, such as {@code COMMIT}, or
	 * {@code null}. MariaDB's {@code BEGIN NOT ATOMIC} block is a compound statement, not
	 * transaction control; a {@code BEGIN} inside a function or procedure body is part of
	 * that statement and never starts one.
	 * @param canonical the statement, comments removed and whitespace collapsed
	 * @return the control keywords, or {@code null}
	 */
	static @Nullable String transactionControl(String canonical) {
		int start = 0;
		while (start < canonical.length() && Character.isWhitespace(canonical.charAt(start))) {
			start++;
		}
		int end = wordEnd(canonical, start);
		// Most statements start with a word no transaction control starts with; they are
		// told apart without building a string
		if (end - start < 3 || end - start > 9 || "BCEARSPbcearsp".indexOf(canonical.charAt(start)) < 0) {
			return null;
		}
		String first = canonical.substring(start, end).toUpperCase(Locale.ROOT);
		int secondStart = end;
		while (secondStart < canonical.length() && Character.isWhitespace(canonical.charAt(secondStart))) {
			secondStart++;
		}
		String second = canonical.substring(secondStart, wordEnd(canonical, secondStart)).toUpperCase(Locale.ROOT);
		return switch (first) {
			case "BEGIN" -> second.equals("NOT") ? null : "BEGIN";
			case "START" -> second.equals("TRANSACTION") ? "START TRANSACTION" : null;
			case "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> first;
			case "PREPARE" -> second.equals("TRANSACTION") ? "PREPARE TRANSACTION" : null;
			default -> null;
		};
	}

	private static int wordEnd(String text, int start) {
		int end = start;
		while (end < text.length() && Character.isLetter(text.charAt(end))) {
			end++;
		}
		return end;
	}

	/**
	 * Whether one of the header comments, {@code migrations:} followed by one or more
	 * comma-separated words, holds a word.
	 */
	private static boolean hasHeader(List<String> headers, String word) {
		for (String comment : headers) {
			if (isHeader(comment, word)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isHeader(String comment, String word) {
		if (!comment.regionMatches(true, 0, "migrations:", 0, 11)) {
			return false;
		}
		for (String written : comment.substring(11).split(",")) {
			if (written.strip().equalsIgnoreCase(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A migration whose up script uses a placeholder without a value: its checksum is
	 * that of the file as written, which placeholders never change.
	 */
	private static final class ValuesLacking implements Migration, KnownChecksum {

		private final MigrationId id;

		private final SqlFileMigration migration;

		ValuesLacking(MigrationId id, SqlFileMigration migration) {
			this.id = id;
			this.migration = migration;
		}

		@Override
		public String checksum() {
			SqlFileMigration migration = this.migration;
			return DescriptorFactory
				.checksum(DescriptorFactory.record(this.id, migration.upSource, (schema) -> migration.record(schema,
						migration.upScript, migration.upSource, Placeholders.disabled())));
		}

		@Override
		public void up(Schema schema) {
			this.migration.up(schema);
		}

		@Override
		public void down(Schema schema) {
			this.migration.down(schema);
		}

		@Override
		public boolean transactional() {
			return this.migration.transactional();
		}

		@Override
		public boolean destructive() {
			return this.migration.destructive();
		}

		@Override
		public boolean repair() {
			return this.migration.repair();
		}

		@Override
		public @Nullable String flywayVersion() {
			return this.migration.flywayVersion();
		}

		@Override
		public String toString() {
			return this.migration.upSource;
		}

	}

}
