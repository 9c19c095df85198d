package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrations.Credentials;
import dev.migrations.JdbcUrlDataSource;
import dev.migrations.catalog.Catalog;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import org.jspecify.annotations.Nullable;

/**
 * A shadow database the user names: it must exist, be of the live database's kind and be
 * empty; what the replay creates in its schema is dropped after each use.
 */
final class ExistingShadow implements ShadowDatabase {

	private final String url;

	private final JdbcUrlDataSource dataSource;

	ExistingShadow(String url, @Nullable String user, @Nullable String password) {
		this.url = url;
		this.dataSource = new JdbcUrlDataSource(url, user, password);
	}

	@Override
	public Shadow open(Connection live, DataSource liveDataSource, Dialect dialect) throws SQLException {
		String described = "shadow database " + Credentials.mask(this.url);
		try (Connection connection = this.dataSource.getConnection()) {
			Dialect kind = Dialects.detect(connection);
			if (!kind.name().equals(dialect.name())) {
				throw new SQLException("The " + described + " is a " + kind.name() + " database, and the live one a "
						+ dialect.name() + " database: the shadow must be of the same kind");
			}
			Catalog held = dialect.readCatalog(connection, null, Set.of());
			if (!held.isEmpty()) {
				throw new SQLException("The " + described + " is not empty (it holds "
						+ String.join(", ", names(held).limit(5).toList())
						+ "): a shadow database must be empty, since everything in it is dropped after each use; "
						+ "empty it or name another");
			}
		}
		return new Shadow() {

			@Override
			public DataSource dataSource() {
				return ExistingShadow.this.dataSource;
			}

			@Override
			public String description() {
				return described;
			}

			@Override
			public void close() throws SQLException {
				try (Connection connection = ExistingShadow.this.dataSource.getConnection()) {
					empty(connection, dialect);
				}
			}

		};
	}

	/**
	 * Drop everything the connection's schema holds, as {@code migrate:fresh} drops it:
	 * views, tables (with their indexes, keys and triggers) and the objects of the
	 * database's own, with foreign key checks off where drops do not cascade.
	 */
	static void empty(Connection connection, Dialect dialect) throws SQLException {
		List<String> statements = dialect.dropStatements(dialect.readCatalog(connection, null, Set.of()), null);
		dialect.withoutForeignKeyChecks(connection, () -> {
			try (Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
		});
	}

	private static Stream<String> names(Catalog catalog) {
		return Stream
			.of(catalog.tables().stream().map((table) -> "table " + table.name()),
					catalog.views().stream().map((view) -> "view " + view.name()),
					catalog.objects()
						.stream()
						.map((object) -> object.kind().name().toLowerCase(Locale.ROOT) + " " + object.name()))
			.flatMap((names) -> names);
	}

}
