package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrations.catalog.Catalog;
import org.jspecify.annotations.Nullable;

/**
 * H2: DDL commits implicitly; the lock is a lease row. H2 stores unquoted identifiers in
 * upper case unless the database is opened with {@code DATABASE_TO_LOWER=TRUE} (lower
 * case, as with {@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}) or
 * {@code DATABASE_TO_UPPER=FALSE} (as written), so quoted names are folded the same way:
 * {@code users} in the schema builder and {@code users} in raw SQL are the same table,
 * and so is the ledger.
 */
class H2Dialect extends TableRenderingDialect {

	private final IdentifierCase identifierCase;

	/**
	 * Create a dialect for H2's default, upper-case identifiers.
	 */
	H2Dialect() {
		this(IdentifierCase.UPPER);
	}

	private H2Dialect(IdentifierCase identifierCase) {
		this.identifierCase = identifierCase;
	}

	/**
	 * Create a dialect that folds names as the database behind a connection does.
	 * @param metaData the metadata of the connection
	 * @return the dialect
	 * @throws SQLException on a database error
	 */
	static H2Dialect of(DatabaseMetaData metaData) throws SQLException {
		if (metaData.storesUpperCaseIdentifiers()) {
			return new H2Dialect(IdentifierCase.UPPER);
		}
		return new H2Dialect(metaData.storesLowerCaseIdentifiers() ? IdentifierCase.LOWER : IdentifierCase.AS_WRITTEN);
	}

	@Override
	public String fold(String identifier) {
		return switch (this.identifierCase) {
			case UPPER -> identifier.toUpperCase(Locale.ROOT);
			case LOWER -> identifier.toLowerCase(Locale.ROOT);
			case AS_WRITTEN -> identifier;
		};
	}

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	public SessionState sessionState(Connection connection) throws SQLException {
		return new JdbcSessionState(connection) {

			@Override
			public Around around(List<String> statements) {
				String schema = schema();
				return (schema != null)
						? new Around(List.of(), List.of("SET SCHEMA \"" + schema.replace("\"", "\"\"") + "\""))
						: Around.NONE;
			}

		};
	}

	/**
	 * Read the catalog from {@code INFORMATION_SCHEMA}; see {@link H2CatalogReader} for
	 * what it decides where H2 leaves room, among which the names of unnamed constraints.
	 */
	@Override
	public Catalog readCatalog(Connection connection, @Nullable String schema, Set<String> excluded)
			throws SQLException {
		return new H2CatalogReader().read(connection, schema, excluded);
	}

	/**
	 * Views in other schemas whose query names this schema (H2 writes every name in a
	 * view's query with its schema), and foreign keys in other schemas that reference its
	 * tables: a drop that cascades would take each with it.
	 */
	@Override
	public List<String> dependentsInOtherSchemas(Connection connection, @Nullable String schema) throws SQLException {
		List<String> dependents = new ArrayList<>();
		CatalogQuery.forEachRow(connection, """
				WITH this(name) AS (SELECT UPPER(COALESCE(CAST(? AS VARCHAR), CURRENT_SCHEMA)))
				SELECT 'view ' || v.TABLE_SCHEMA || '.' || v.TABLE_NAME
				FROM INFORMATION_SCHEMA.VIEWS v, this
				WHERE UPPER(v.TABLE_SCHEMA) NOT IN (this.name, 'INFORMATION_SCHEMA')
				  AND UPPER(v.VIEW_DEFINITION) LIKE '%"' || this.name || '".%'
				UNION
				SELECT 'foreign key ' || r.CONSTRAINT_NAME || ' of ' || k.TABLE_SCHEMA || '.' || k.TABLE_NAME
				FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r
				JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS k ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA
				  AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME, this
				WHERE UPPER(r.UNIQUE_CONSTRAINT_SCHEMA) = this.name AND UPPER(r.CONSTRAINT_SCHEMA) <> this.name
				ORDER BY 1""", Collections.singletonList(schema), (row) -> dependents.add(row.getString(1)));
		return dependents;
	}

	/**
	 * Views, tables and domains cascade, within the schema (see
	 * {@link #dependentsInOtherSchemas(Connection, String)}); a function or procedure is
	 * an alias.
	 */
	@Override
	public List<String> dropStatements(Catalog catalog, @Nullable String schema) {
		SchemaDrops drops = SchemaDrops.cascading(this, schema);
		SchemaDrops plain = SchemaDrops.plain(this, schema);
		return drops.statements(catalog, (object) -> switch (object.kind()) {
			case SEQUENCE -> plain.drop("SEQUENCE", object.name(), "");
			case ENUM, DOMAIN -> drops.drop("DOMAIN", object.name(), "");
			case FUNCTION, PROCEDURE -> plain.drop("ALIAS", SchemaDrops.routineName(object), "");
			case TYPE, MATERIALIZED_VIEW, FOREIGN_TABLE, EVENT, TRIGGER -> null;
		});
	}

	@Override
	TableRenderer tableRenderer() {
		return new H2TableRenderer(this);
	}

	/**
	 * The case in which H2 stores unquoted identifiers.
	 */
	private enum IdentifierCase {

		UPPER, LOWER, AS_WRITTEN

	}

}
