package dev.migrations.source;

import dev.migrations.IrreversibleMigrationException;
import dev.migrations.KnownChecksum;
import dev.migrations.Migration;
import dev.migrations.schema.Schema;
import dev.migrations.sql.SqlStatementSplitter;
import org.jspecify.annotations.Nullable;

/**
 * A SQL migration listed in a {@link MigrationIndex}: its checksum and header flags come
 * from the index, and its scripts are read the first time its plan is recorded.
 */
final class IndexedSqlMigration implements Migration, KnownChecksum {

	private final IndexEntry entry;

	private final IndexedScripts scripts;

	private final SqlStatementSplitter splitter;

	private final Placeholders placeholders;

	private @Nullable SqlFileMigration read;

	IndexedSqlMigration(IndexEntry entry, IndexedScripts scripts, SqlStatementSplitter splitter,
			Placeholders placeholders) {
		this.entry = entry;
		this.scripts = scripts;
		this.splitter = splitter;
		this.placeholders = placeholders;
	}

	@Override
	public String checksum() {
		return this.entry.checksum();
	}

	@Override
	public void up(Schema schema) {
		migration().up(schema);
	}

	@Override
	public void down(Schema schema) {
		if (!this.entry.hasDownScript()) {
			throw new IrreversibleMigrationException("there is no .down.sql file beside " + this.entry.source());
		}
		migration().down(schema);
	}

	@Override
	public boolean transactional() {
		return this.entry.transactional();
	}

	@Override
	public boolean destructive() {
		return this.entry.destructive();
	}

	@Override
	public boolean repair() {
		return this.entry.repair();
	}

	/**
	 * Return the Flyway version of the file's {@code -- flyway:} header, reading the
	 * script: only baseline-on-migrate asks, on a database Flyway migrated.
	 */
	@Override
	public @Nullable String flywayVersion() {
		return migration().flywayVersion();
	}

	@Override
	public String toString() {
		return this.entry.source();
	}

	/**
	 * Read the scripts on first use: the up script, and the down script if there is one.
	 */
	private synchronized SqlFileMigration migration() {
		SqlFileMigration migration = this.read;
		if (migration == null) {
			String down = this.entry.hasDownScript() ? this.scripts.read(this.entry.downSource()) : null;
			migration = new SqlFileMigration(this.scripts.read(this.entry.source()), down, this.entry.source(),
					this.entry.downSource(), this.splitter, this.placeholders);
			this.read = migration;
		}
		return migration;
	}

}
