package dev.migrations.dialect;

import java.util.List;
import java.util.regex.Pattern;

import dev.migrations.schema.Column;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.TableOperation;
import dev.migrations.schema.TableOperation.ChangeColumn;
import dev.migrations.schema.TableOperation.DropForeignKey;
import dev.migrations.schema.TableOperation.DropIndex;
import dev.migrations.schema.TableOperation.RenameTable;

/**
 * MySQL: {@code AUTO_INCREMENT}, inline comments, {@code MODIFY} to change a column,
 * {@code DROP FOREIGN KEY}, and no {@code SET DEFAULT} referential action in InnoDB.
 */
class MySqlTableRenderer extends TableRenderer {

	/** Defaults MySQL accepts without parentheses; other expressions need them. */
	private static final Pattern BARE_DEFAULT = Pattern
		.compile("(?i)(CURRENT_TIMESTAMP|NOW|LOCALTIME|LOCALTIMESTAMP)(\\(\\d*\\))?");

	MySqlTableRenderer(Dialect dialect) {
		super(dialect);
	}

	@Override
	String type(Column column) {
		return switch (column.type()) {
			case BIG_INCREMENTS, BIG_INTEGER -> "BIGINT";
			case INTEGER -> "INT";
			case SMALL_INTEGER -> "SMALLINT";
			case DECIMAL -> decimal(column);
			case FLOAT -> "FLOAT";
			case DOUBLE -> "DOUBLE";
			case BOOLEAN -> "BOOLEAN";
			case STRING -> "VARCHAR(" + column.length() + ")";
			case TEXT -> "LONGTEXT";
			case DATE -> "DATE";
			case TIME -> "TIME";
			case TIMESTAMP -> "DATETIME";
			case TIMESTAMP_TZ -> "TIMESTAMP";
			case UUID -> "CHAR(36)";
			case JSON -> "JSON";
			case BINARY -> "LONGBLOB";
		};
	}

	private String decimal(Column column) {
		if (column.scale() > maxDecimalScale()) {
			throw new UnsupportedOperationException(
					databaseName() + " allows a DECIMAL scale of at most " + maxDecimalScale() + ", and column "
							+ column.name() + " is decimal(" + column.precision() + ", " + column.scale() + ")");
		}
		return "DECIMAL(" + column.precision() + ", " + column.scale() + ")";
	}

	/**
	 * Return the largest scale a {@code DECIMAL} may have here.
	 * @return the scale
	 */
	int maxDecimalScale() {
		return 30;
	}

	@Override
	String autoIncrement() {
		return "BIGINT NOT NULL AUTO_INCREMENT";
	}

	/**
	 * Say {@code NULL} explicitly: without it a MySQL {@code TIMESTAMP} column is not
	 * null when {@code explicit_defaults_for_timestamp} is off.
	 */
	@Override
	String nullability(Column column) {
		return column.nullable() ? " NULL" : " NOT NULL";
	}

	@Override
	String renameTable(RenameTable rename) {
		return "RENAME TABLE " + quote(rename.table()) + " TO " + quote(rename.newName());
	}

	@Override
	void changeColumn(ChangeColumn change, List<String> statements) {
		statements.add("ALTER TABLE " + quote(change.table()) + " MODIFY " + columnDefinition(change.column(), false));
	}

	@Override
	String dropIndex(DropIndex drop) {
		return "DROP INDEX " + quote(drop.name()) + " ON " + quote(drop.table());
	}

	@Override
	String dropForeignKey(DropForeignKey drop) {
		return "ALTER TABLE " + quote(drop.table()) + " DROP FOREIGN KEY " + quote(drop.name());
	}

	@Override
	String action(TableOperation operation, ReferentialAction action) {
		if (action == ReferentialAction.SET_DEFAULT) {
			throw unsupported(operation, "InnoDB rejects the SET DEFAULT referential action; use SET NULL, "
					+ "CASCADE, RESTRICT or NO ACTION");
		}
		return action.sql();
	}

	@Override
	String defaultExpression(String expression) {
		return BARE_DEFAULT.matcher(expression).matches() ? expression : "(" + expression + ")";
	}

	@Override
	String stringLiteral(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	@Override
	String inlineComment(Column column) {
		return (column.comment() != null) ? " COMMENT " + stringLiteral(column.comment()) : "";
	}

	@Override
	List<String> commentStatements(String table, Column column) {
		return List.of();
	}

}
