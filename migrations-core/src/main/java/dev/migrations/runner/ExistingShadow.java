package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrations.Credentials;
import dev.migrations.JdbcUrlDataSource;
import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.SchemaObject;
import dev.migrations.catalog.Table;
import dev.migrations.catalog.View;
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
	 * Drop everything the connection's schema holds: views, tables (with their indexes,
	 * keys and triggers) and the objects of the database's own.
	 */
	static void empty(Connection connection, Dialect dialect) throws SQLException {
		Catalog catalog = dialect.readCatalog(connection, null, Set.of());
		boolean mysql = dialect.name().equals("mysql") || dialect.name().equals("mariadb");
		boolean cascades = dialect.name().equals("postgresql") || dialect.name().equals("h2");
		String cascade = cascades ? " CASCADE" : "";
		List<String> statements = new ArrayList<>();
		if (mysql) {
			statements.add("SET FOREIGN_KEY_CHECKS = 0");
		}
		else if (dialect.name().equals("sqlite")) {
			statements.add("PRAGMA foreign_keys = OFF");
		}
		for (View view : catalog.views()) {
			statements.add("DROP VIEW IF EXISTS " + dialect.quote(view.name()) + cascade);
		}
		for (Table table : catalog.tables()) {
			statements.add("DROP TABLE IF EXISTS " + dialect.quote(table.name()) + cascade);
		}
		for (SchemaObject object : catalog.objects()) {
			String drop = dropObject(object, dialect, cascade);
			if (drop != null) {
				statements.add(drop);
			}
		}
		if (mysql) {
			statements.add("SET FOREIGN_KEY_CHECKS = 1");
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static @Nullable String dropObject(SchemaObject object, Dialect dialect, String cascade) {
		String name = object.name();
		int arguments = name.indexOf('(');
		String quoted = (arguments < 0) ? dialect.quote(name)
				: dialect.quote(name.substring(0, arguments)) + name.substring(arguments);
		return switch (object.kind()) {
			case SEQUENCE -> "DROP SEQUENCE IF EXISTS " + quoted + cascade;
			case ENUM -> "DROP TYPE IF EXISTS " + quoted + cascade;
			case DOMAIN -> "DROP DOMAIN IF EXISTS " + quoted + cascade;
			case FUNCTION -> "DROP FUNCTION IF EXISTS " + quoted + cascade;
			case PROCEDURE -> "DROP PROCEDURE IF EXISTS " + quoted + cascade;
			case TRIGGER -> null;
		};
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
