package dev.migrations.dialect;

import java.util.List;

import dev.migrations.schema.Column;
import dev.migrations.schema.TableOperation.AddColumn;
import dev.migrations.schema.TableOperation.AddForeignKey;
import dev.migrations.schema.TableOperation.ChangeColumn;
import dev.migrations.schema.TableOperation.DropForeignKey;

/**
 * SQLite: {@code INTEGER PRIMARY KEY AUTOINCREMENT}, type names chosen for the right
 * affinity, comments kept as SQL comments in the stored table definition, and an
 * {@code ALTER TABLE} that can only add, rename and drop columns. What needs a table
 * rebuild is refused.
 */
class SqliteTableRenderer extends TableRenderer {

	private static final String REBUILD = "SQLite's ALTER TABLE cannot do this without rebuilding the table; "
			+ "write the rebuild with schema.sql(...) (create the new table, copy the rows, drop the old one, "
			+ "rename the new one)";

	SqliteTableRenderer(Dialect dialect) {
		super(dialect);
	}

	@Override
	String type(Column column) {
		return switch (column.type()) {
			case BIG_INCREMENTS -> "INTEGER";
			case BIG_INTEGER -> "BIGINT";
			case INTEGER -> "INTEGER";
			case SMALL_INTEGER -> "SMALLINT";
			case DECIMAL -> "DECIMAL(" + column.precision() + ", " + column.scale() + ")";
			case FLOAT -> "FLOAT";
			case DOUBLE -> "DOUBLE";
			case BOOLEAN -> "BOOLEAN";
			case STRING -> "VARCHAR(" + column.length() + ")";
			case TEXT, JSON -> "TEXT";
			case DATE -> "DATE";
			case TIME -> "TIME";
			case TIMESTAMP -> "TIMESTAMP";
			case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
			case UUID -> "CHAR(36)";
			case BINARY -> "BLOB";
		};
	}

	@Override
	String autoIncrement() {
		return "INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT";
	}

	@Override
	boolean autoIncrementDeclaresPrimaryKey() {
		return true;
	}

	@Override
	void addColumn(AddColumn add, List<String> statements) {
		Column column = add.column();
		if (column.primary() || column.autoIncrement()) {
			throw unsupported(add, "SQLite cannot add a primary key column to an existing table. " + REBUILD);
		}
		if (!column.nullable() && column.defaultValue() == null) {
			throw unsupported(add, "SQLite can only add a NOT NULL column that has a literal default; "
					+ "make it nullable() or give it a defaultValue(...)");
		}
		if (column.defaultExpression() != null) {
			throw unsupported(add, "SQLite cannot add a column whose default is an expression");
		}
		super.addColumn(add, statements);
	}

	@Override
	void changeColumn(ChangeColumn change, List<String> statements) {
		throw unsupported(change, REBUILD);
	}

	@Override
	String addForeignKey(AddForeignKey add) {
		throw unsupported(add, "SQLite declares foreign keys only in CREATE TABLE; declare it in schema.create(...) "
				+ "or " + REBUILD);
	}

	@Override
	String dropForeignKey(DropForeignKey drop) {
		throw unsupported(drop, REBUILD);
	}

	@Override
	String defaultExpression(String expression) {
		return "(" + expression + ")";
	}

	@Override
	String literal(Object value) {
		if (value instanceof Boolean bool) {
			return bool ? "1" : "0";
		}
		return super.literal(value);
	}

	@Override
	String inlineComment(Column column) {
		return (column.comment() != null) ? " /* " + column.comment() + " */" : "";
	}

	@Override
	List<String> commentStatements(String table, Column column) {
		return List.of();
	}

}
