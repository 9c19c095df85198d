package dev.migrations.test.spring.examples;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/**
 * The databases the Spring examples were connected to, in order.
 */
public final class CopyNames {

	/** The names of the databases, read from each example's connection. */
	public static final List<String> seen = new CopyOnWriteArrayList<>();

	/**
	 * The identities of the application contexts of the {@code @SpringBootTest} examples.
	 */
	public static final List<Integer> contexts = new CopyOnWriteArrayList<>();

	private CopyNames() {
	}

	static void rememberDatabase(String database) {
		seen.add(database);
	}

	static void remember(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			rememberDatabase(connection.getCatalog());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
