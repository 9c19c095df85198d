package dev.migrations.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.migrations.schema.Column;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;
import dev.migrations.schema.TableOperation;
import dev.migrations.schema.TableOperation.AddColumn;
import dev.migrations.schema.TableOperation.AddForeignKey;
import dev.migrations.schema.TableOperation.AddIndex;
import dev.migrations.schema.TableOperation.ChangeColumn;
import dev.migrations.schema.TableOperation.CreateTable;
import dev.migrations.schema.TableOperation.DropColumn;
import dev.migrations.schema.TableOperation.DropForeignKey;
import dev.migrations.schema.TableOperation.DropIndex;
import dev.migrations.schema.TableOperation.DropTable;
import dev.migrations.schema.TableOperation.RenameColumn;
import dev.migrations.schema.TableOperation.RenameTable;
import org.jspecify.annotations.Nullable;

/**
 * Renders {@link TableOperation}s as SQL statements for one database. The base class
 * writes standard SQL as PostgreSQL and H2 accept it; each database overrides what it
 * does differently and refuses, with {@link UnsupportedOperationException}, what it
 * cannot do. Stateless and thread-safe.
 */
abstract class TableRenderer {

	private final Dialect dialect;

	TableRenderer(Dialect dialect) {
		this.dialect = dialect;
	}

	final List<SchemaOperation> render(TableOperation operation) {
		List<String> statements = new ArrayList<>();
		if (operation instanceof CreateTable create) {
			createTable(create, statements);
		}
		else if (operation instanceof DropTable drop) {
			statements.add("DROP TABLE " + (drop.ifExists() ? "IF EXISTS " : "") + quote(drop.table()));
		}
		else if (operation instanceof RenameTable rename) {
			statements.add(renameTable(rename));
		}
		else if (operation instanceof AddColumn add) {
			addColumn(add, statements);
		}
		else if (operation instanceof DropColumn drop) {
			statements.add("ALTER TABLE " + quote(drop.table()) + " DROP COLUMN " + quote(drop.column()));
		}
		else if (operation instanceof RenameColumn rename) {
			statements.add("ALTER TABLE " + quote(rename.table()) + " RENAME COLUMN " + quote(rename.column()) + " TO "
					+ quote(rename.newName()));
		}
		else if (operation instanceof ChangeColumn change) {
			changeColumn(change, statements);
		}
		else if (operation instanceof AddIndex add) {
			statements.add(createIndex(add.table(), add.index()));
		}
		else if (operation instanceof DropIndex drop) {
			statements.add(dropIndex(drop));
		}
		else if (operation instanceof AddForeignKey add) {
			statements.add(addForeignKey(add));
		}
		else if (operation instanceof DropForeignKey drop) {
			statements.add(dropForeignKey(drop));
		}
		else {
			throw new IllegalStateException("No rendering for " + operation.getClass().getName());
		}
		List<SchemaOperation> rendered = new ArrayList<>(statements.size());
		statements.forEach((sql) -> rendered.add(new SqlOperation(sql, sql, 0)));
		return rendered;
	}

	/**
	 * Return the type of a column that does not auto-increment, such as
	 * {@code VARCHAR(255)}.
	 */
	abstract String type(Column column);

	/**
	 * Return the type and attributes of an auto-incrementing primary key column, without
	 * its name.
	 */
	abstract String autoIncrement();

	/**
	 * Whether {@link #autoIncrement()} already declares the primary key.
	 */
	boolean autoIncrementDeclaresPrimaryKey() {
		return false;
	}

	void createTable(CreateTable create, List<String> statements) {
		List<String> parts = new ArrayList<>();
		for (Column column : create.columns()) {
			parts.add(columnDefinition(column, false));
		}
		boolean keyInline = autoIncrementDeclaresPrimaryKey()
				&& create.columns().stream().anyMatch(Column::autoIncrement);
		if (keyInline && create.primaryKey().size() > 1) {
			throw unsupported(create, "an auto-increment column cannot be part of a composite primary key");
		}
		if (!create.primaryKey().isEmpty() && !keyInline) {
			parts.add("PRIMARY KEY (" + quoteAll(create.primaryKey()) + ")");
		}
		for (ForeignKey foreignKey : create.foreignKeys()) {
			parts.add(foreignKeyDefinition(create, foreignKey));
		}
		statements.add("CREATE TABLE " + quote(create.table()) + " (" + String.join(", ", parts) + ")");
		for (Column column : create.columns()) {
			if (column.comment() != null) {
				statements.addAll(commentStatements(create.table(), column));
			}
		}
		for (Index index : create.indexes()) {
			statements.add(createIndex(create.table(), index));
		}
	}

	String renameTable(RenameTable rename) {
		return "ALTER TABLE " + quote(rename.table()) + " RENAME TO " + quote(rename.newName());
	}

	void addColumn(AddColumn add, List<String> statements) {
		statements.add("ALTER TABLE " + quote(add.table()) + " ADD COLUMN " + columnDefinition(add.column(), true));
		if (add.column().comment() != null) {
			statements.addAll(commentStatements(add.table(), add.column()));
		}
	}

	/**
	 * Change a column with one statement per aspect, as PostgreSQL and H2 accept.
	 */
	void changeColumn(ChangeColumn change, List<String> statements) {
		Column column = change.column();
		String alter = "ALTER TABLE " + quote(change.table()) + " ALTER COLUMN " + quote(column.name()) + " ";
		statements.add(alter + "SET DATA TYPE " + type(column));
		statements.add(alter + (column.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
		String defaultValue = defaultValue(column);
		statements.add(alter + ((defaultValue != null) ? "SET DEFAULT " + defaultValue : "DROP DEFAULT"));
		statements.addAll(commentStatements(change.table(), column));
	}

	String createIndex(String table, Index index) {
		return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON " + quote(table)
				+ " (" + quoteAll(index.columns()) + ")";
	}

	String dropIndex(DropIndex drop) {
		return "DROP INDEX " + quote(drop.name());
	}

	String addForeignKey(AddForeignKey add) {
		return "ALTER TABLE " + quote(add.table()) + " ADD " + foreignKeyDefinition(add, add.foreignKey());
	}

	String dropForeignKey(DropForeignKey drop) {
		return "ALTER TABLE " + quote(drop.table()) + " DROP CONSTRAINT " + quote(drop.name());
	}

	String columnDefinition(Column column, boolean primaryInline) {
		StringBuilder sql = new StringBuilder(quote(column.name())).append(' ');
		if (column.autoIncrement()) {
			sql.append(autoIncrement());
			if (!autoIncrementDeclaresPrimaryKey() && primaryInline) {
				sql.append(" PRIMARY KEY");
			}
		}
		else {
			sql.append(type(column)).append(nullability(column));
			String defaultValue = defaultValue(column);
			if (defaultValue != null) {
				sql.append(" DEFAULT ").append(defaultValue);
			}
			if (column.primary() && primaryInline) {
				sql.append(" PRIMARY KEY");
			}
		}
		sql.append(inlineComment(column));
		return sql.toString();
	}

	String nullability(Column column) {
		return column.nullable() ? "" : " NOT NULL";
	}

	String foreignKeyDefinition(TableOperation operation, ForeignKey foreignKey) {
		StringBuilder sql = new StringBuilder("CONSTRAINT ").append(quote(foreignKey.name()))
			.append(" FOREIGN KEY (")
			.append(quoteAll(foreignKey.columns()))
			.append(") REFERENCES ")
			.append(quote(foreignKey.referencedTable()))
			.append(" (")
			.append(quoteAll(foreignKey.referencedColumns()))
			.append(')');
		if (foreignKey.onDelete() != null) {
			sql.append(" ON DELETE ").append(action(operation, foreignKey.onDelete()));
		}
		if (foreignKey.onUpdate() != null) {
			sql.append(" ON UPDATE ").append(action(operation, foreignKey.onUpdate()));
		}
		return sql.toString();
	}

	String action(TableOperation operation, ReferentialAction action) {
		return action.sql();
	}

	/**
	 * Return the SQL of a column's default, or {@code null} when it has none.
	 */
	@Nullable String defaultValue(Column column) {
		if (column.defaultValue() != null) {
			return literal(column.defaultValue());
		}
		if (column.defaultExpression() != null) {
			return defaultExpression(column.defaultExpression());
		}
		return null;
	}

	String defaultExpression(String expression) {
		return expression;
	}

	String literal(Object value) {
		if (value instanceof String string) {
			return stringLiteral(string);
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		return value.toString();
	}

	String stringLiteral(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/**
	 * Return the comment clause inside a column definition, empty by default.
	 */
	String inlineComment(Column column) {
		return "";
	}

	/**
	 * Return the statements that set (or, without a comment, clear) a column's comment.
	 */
	List<String> commentStatements(String table, Column column) {
		return List.of("COMMENT ON COLUMN " + quote(table) + "." + quote(column.name()) + " IS "
				+ ((column.comment() != null) ? stringLiteral(column.comment()) : "NULL"));
	}

	final String quote(String identifier) {
		return this.dialect.quote(identifier);
	}

	final String quoteAll(List<String> identifiers) {
		return identifiers.stream().map(this::quote).collect(Collectors.joining(", "));
	}

	final UnsupportedOperationException unsupported(TableOperation operation, String reason) {
		return new UnsupportedOperationException(databaseName() + " cannot " + operation.describe() + ": " + reason);
	}

	final String databaseName() {
		return this.dialect.name();
	}

}
