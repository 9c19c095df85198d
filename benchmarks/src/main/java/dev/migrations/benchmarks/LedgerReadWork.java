package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalInt;

import javax.sql.DataSource;

/**
 * Plain JDBC reading every row and column of this library's ledger, as a start that knows
 * its migrations without reading files must at least do. Its database is prepared by this
 * library.
 */
final class LedgerReadWork implements ToolWork {

	@Override
	public OptionalInt apply(DataSource dataSource, Path migrations) {
		return new MigrationsWork().apply(dataSource, migrations);
	}

	@Override
	public OptionalInt nothingPending(DataSource dataSource, Path migrations) throws Exception {
		int rows = 0;
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet ledger = statement
					.executeQuery("SELECT id, checksum, batch, state, applied_at, execution_ms, applied_by, error "
							+ "FROM migrations_ledger ORDER BY id")) {
			int columns = ledger.getMetaData().getColumnCount();
			while (ledger.next()) {
				for (int column = 1; column <= columns; column++) {
					ledger.getString(column);
				}
				rows++;
			}
		}
		if (rows == 0) {
			throw new IllegalStateException("The ledger is empty");
		}
		return OptionalInt.empty();
	}

	@Override
	public OptionalInt status(DataSource dataSource, Path migrations) {
		throw new UnsupportedOperationException("Plain JDBC reading the ledger has no status");
	}

}
