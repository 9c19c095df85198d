package dev.migrations.catalog;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One difference between two catalogs: something to create, drop or alter, as a
 * {@link CatalogDiff} lists it. Immutable.
 * <p>
 * A change is <em>destructive</em> when applying it may lose values a table holds:
 * dropping a table or a column, and changing a column's type in a way that
 * {@link ColumnTypes#narrows(String, String) narrows} it. Dropping an index, a
 * constraint, a view or a routine loses no data and is not destructive. Making a nullable
 * column {@code NOT NULL} is not destructive either: a database refuses it while a row
 * holds a null, it does not drop the row (its detail says {@code nullable -> not null},
 * for a reader to weigh).
 *
 * @param action whether the object is created, dropped or altered
 * @param objectType what kind of object it is
 * @param table the table the object belongs to, or {@code null} for a table itself, a
 * view or another object of the schema
 * @param name the object's name, as the database stores it; for a primary key, its
 * constraint name or {@code PRIMARY} where the database does not name it
 * @param detail what differs, in words: the definition of what is created
 * ({@code varchar(20) not null}, {@code columns (a, b)}), the differences of what is
 * altered, separated by commas ({@code type varchar(100) -> varchar(20)},
 * {@code nullable -> not null}, {@code default 0 -> 1}, {@code columns (a) -> (a, b)}),
 * empty for a drop
 * @param destructive whether applying the change may lose values
 */
public record CatalogChange(Action action, ObjectType objectType, @Nullable String table, String name, String detail,
		boolean destructive) {

	public CatalogChange {
		Objects.requireNonNull(action, "action must not be null");
		Objects.requireNonNull(objectType, "objectType must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(detail, "detail must not be null");
	}

	/**
	 * Return the mark of the change: {@code +} for a creation, {@code -} for a drop,
	 * {@code ~} for an alteration, preceded by {@code !} when the change is destructive
	 * ({@code !-}, {@code !~}).
	 * @return the mark
	 */
	public String symbol() {
		return (this.destructive ? "!" : "") + this.action.mark;
	}

	/**
	 * Return the change as one line of {@link CatalogDiff#text()}: its action's mark,
	 * what the object is and its name qualified by its table, the detail of an alteration
	 * or a creation after a colon, and {@code (destructive)} (for a narrowing type change
	 * {@code (narrows, destructive)}) at the end of a destructive change. For example
	 * {@code + table invoices}, {@code - column books.subtitle (destructive)},
	 * {@code ~ column books.title: type varchar(100) -> varchar(20) (narrows, destructive)}.
	 * @return the line
	 */
	public String text() {
		StringBuilder line = new StringBuilder(describe());
		if (this.destructive) {
			line.append((this.action == Action.ALTER) ? " (narrows, destructive)" : " (destructive)");
		}
		return line.toString();
	}

	/**
	 * Return the change as {@link #text()} writes it without what it does to data: how a
	 * difference between two schemas reads when neither is being changed, as drift.
	 * @return the line
	 */
	public String describe() {
		StringBuilder line = new StringBuilder(this.action.mark).append(' ').append(this.objectType.words).append(' ');
		if (this.objectType == ObjectType.PRIMARY_KEY) {
			line.append(this.table);
		}
		else {
			line.append((this.table != null) ? this.table + "." + this.name : this.name);
		}
		if (!this.detail.isEmpty()) {
			line.append(": ").append(this.detail);
		}
		return line.toString();
	}

	/**
	 * What a change does to its object.
	 */
	public enum Action {

		/** The object is created. */
		CREATE("+"),

		/** The object is dropped. */
		DROP("-"),

		/** The object exists on both sides and differs. */
		ALTER("~");

		private final String mark;

		Action(String mark) {
			this.mark = mark;
		}

	}

	/**
	 * The kinds of objects a change is about: the parts of a table, views, and one per
	 * {@link SchemaObject.Kind kind} of the other objects.
	 */
	public enum ObjectType {

		/** A table. */
		TABLE("table"),

		/** A column of a table. */
		COLUMN("column"),

		/** The primary key of a table. */
		PRIMARY_KEY("primary key"),

		/** A unique constraint of a table. */
		UNIQUE_CONSTRAINT("unique constraint"),

		/** An index of a table. */
		INDEX("index"),

		/** A foreign key of a table. */
		FOREIGN_KEY("foreign key"),

		/** A check constraint of a table. */
		CHECK("check"),

		/** A view. */
		VIEW("view"),

		/** A sequence. */
		SEQUENCE("sequence"),

		/** An enum type. */
		ENUM("enum type"),

		/** A domain. */
		DOMAIN("domain"),

		/** A function. */
		FUNCTION("function"),

		/** A procedure. */
		PROCEDURE("procedure"),

		/** A trigger; its name is {@code table.trigger}. */
		TRIGGER("trigger"),

		/** A composite type. */
		TYPE("composite type"),

		/** A materialized view. */
		MATERIALIZED_VIEW("materialized view"),

		/** A foreign table. */
		FOREIGN_TABLE("foreign table"),

		/** A scheduled event. */
		EVENT("event");

		private final String words;

		ObjectType(String words) {
			this.words = words;
		}

		/**
		 * Return the object type of a kind of schema object.
		 * @param kind the kind
		 * @return the object type
		 */
		static ObjectType of(SchemaObject.Kind kind) {
			return switch (kind) {
				case SEQUENCE -> SEQUENCE;
				case ENUM -> ENUM;
				case DOMAIN -> DOMAIN;
				case FUNCTION -> FUNCTION;
				case PROCEDURE -> PROCEDURE;
				case TRIGGER -> TRIGGER;
				case TYPE -> TYPE;
				case MATERIALIZED_VIEW -> MATERIALIZED_VIEW;
				case FOREIGN_TABLE -> FOREIGN_TABLE;
				case EVENT -> EVENT;
			};
		}

		/**
		 * Return what the object type is called in text, such as {@code foreign key}.
		 * @return the words
		 */
		public String words() {
			return this.words;
		}

	}

}
