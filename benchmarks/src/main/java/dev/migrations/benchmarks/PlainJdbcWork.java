package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * The baseline: reads the generated scripts in order and runs each in its own
 * transaction, as the tools do, with no bookkeeping at all.
 */
final class PlainJdbcWork implements ToolWork {

	@Override
	public OptionalInt apply(DataSource dataSource, Path migrations) throws Exception {
		List<Path> scripts = scripts(migrations);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (Path script : scripts) {
				for (String line : Files.readAllLines(script)) {
					String sql = line.strip();
					if (!sql.isEmpty()) {
						statement.execute(sql.substring(0, sql.length() - 1));
					}
				}
				connection.commit();
			}
			connection.setAutoCommit(true);
		}
		return OptionalInt.of(scripts.size());
	}

	@Override
	public OptionalInt status(DataSource dataSource, Path migrations) {
		throw new UnsupportedOperationException("Plain JDBC keeps no records, so it has no status");
	}

	private static List<Path> scripts(Path migrations) throws IOException {
		try (Stream<Path> files = Files.list(migrations)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
		}
	}

}
