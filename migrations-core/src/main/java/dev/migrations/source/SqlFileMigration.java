package dev.migrations.source;

import dev.migrations.IrreversibleMigrationException;
import dev.migrations.Migration;
import dev.migrations.schema.Schema;
import dev.migrations.schema.SqlOperation;
import org.jspecify.annotations.Nullable;

/**
 * A migration read from an {@code .up.sql} file and an optional {@code .down.sql} file.
 */
final class SqlFileMigration implements Migration {

	private final String upScript;

	private final @Nullable String downScript;

	private final String upSource;

	private final SqlStatementSplitter splitter;

	private final boolean transactional;

	SqlFileMigration(String upScript, @Nullable String downScript, String upSource, SqlStatementSplitter splitter) {
		this.upScript = upScript;
		this.downScript = downScript;
		this.upSource = upSource;
		this.splitter = splitter;
		this.transactional = !hasNoTransactionHeader(upScript);
	}

	@Override
	public void up(Schema schema) {
		record(schema, this.upScript);
	}

	@Override
	public void down(Schema schema) {
		if (this.downScript == null) {
			throw new IrreversibleMigrationException("there is no .down.sql file beside " + this.upSource);
		}
		record(schema, this.downScript);
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	private void record(Schema schema, String script) {
		for (SqlStatement statement : this.splitter.split(script)) {
			schema.add(new SqlOperation(statement.sql(), statement.canonical(), statement.line()));
		}
	}

	/**
	 * Whether the comment lines at the top of the script hold the
	 * {@code -- migrations: no-transaction} header.
	 */
	private static boolean hasNoTransactionHeader(String script) {
		int position = script.startsWith("\uFEFF") ? 1 : 0;
		while (position < script.length()) {
			int end = script.indexOf('\n', position);
			end = (end < 0) ? script.length() : end;
			String line = script.substring(position, end).strip();
			position = end + 1;
			if (line.isEmpty()) {
				continue;
			}
			if (!line.startsWith("--")) {
				return false;
			}
			if (isNoTransactionHeader(line)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNoTransactionHeader(String commentLine) {
		String text = commentLine.substring(2).strip();
		if (!text.regionMatches(true, 0, "migrations:", 0, 11)) {
			return false;
		}
		return text.substring(11).strip().equalsIgnoreCase("no-transaction");
	}

}
