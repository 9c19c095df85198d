package dev.migrations;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A change of a pending migration that would destroy data the database holds now: a table
 * dropped that holds rows, a column dropped from such a table, a column of such a table
 * changed to a type that may not hold its values. Immutable and thread-safe.
 *
 * @param migration the migration that makes the change
 * @param kind what the change does
 * @param table the table, as the migration names it
 * @param column the column, {@code null} for a dropped table
 * @param rows how many rows the table holds
 * @param fromType the column's type now, {@code null} unless the type narrows
 * @param toType the type the migration gives it, {@code null} unless the type narrows
 */
public record DestructiveChange(MigrationId migration, Kind kind, String table, @Nullable String column, long rows,
		@Nullable String fromType, @Nullable String toType) {

	public DestructiveChange {
		Objects.requireNonNull(migration, "migration must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(table, "table must not be null");
	}

	/**
	 * Return what the change does, after "it", such as
	 * {@code drops column authors.bio of a table holding 3 rows}.
	 * @return the words
	 */
	public String describe() {
		String holding = "holding " + this.rows + ((this.rows == 1) ? " row" : " rows");
		return switch (this.kind) {
			case DROP_TABLE -> "drops table " + this.table + ", " + holding;
			case DROP_COLUMN -> "drops column " + this.table + "." + this.column + " of a table " + holding;
			case NARROW_COLUMN -> "narrows column " + this.table + "." + this.column + " from " + this.fromType + " to "
					+ this.toType + " on a table " + holding;
		};
	}

	/**
	 * What a destructive change does.
	 */
	public enum Kind {

		/** Drops a table that holds rows. */
		DROP_TABLE,

		/** Drops a column of a table that holds rows. */
		DROP_COLUMN,

		/** Changes a column of a table that holds rows to a narrower type. */
		NARROW_COLUMN

	}

}
