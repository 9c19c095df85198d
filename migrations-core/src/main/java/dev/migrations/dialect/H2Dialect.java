package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrations.catalog.Catalog;
import org.jspecify.annotations.Nullable;

/**
 * H2: DDL commits implicitly; the lock is a lease row. H2 stores unquoted identifiers in
 * upper case, so quoted names are upper-cased too: {@code users} in the schema builder
 * and {@code users} in raw SQL are the same table.
 */
class H2Dialect extends TableRenderingDialect {

	@Override
	public String fold(String identifier) {
		return identifier.toUpperCase(Locale.ROOT);
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

	@Override
	TableRenderer tableRenderer() {
		return new H2TableRenderer(this);
	}

}
