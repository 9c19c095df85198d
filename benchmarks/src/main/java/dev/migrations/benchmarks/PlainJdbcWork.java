package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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

	/**
	 * The floor of starting with nothing pending: read every script and compute its
	 * SHA-256, as a tool must to notice an edited migration; no database work, no
	 * parsing. This library also splits each script to hash its canonical statements.
	 */
	@Override
	public OptionalInt nothingPending(DataSource dataSource, Path migrations) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		int checksums = 0;
		for (Path script : scripts(migrations)) {
			checksums += digest.digest(Files.readAllBytes(script)).length;
		}
		if (checksums == 0) {
			throw new IllegalStateException("No scripts in " + migrations);
		}
		return OptionalInt.of(0);
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
