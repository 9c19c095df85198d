package dev.migrations.conformance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import dev.migrations.LedgerTable;
import dev.migrations.dialect.Dialects;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's {@code applied_at} is read back as the UTC instant it was written, to the
 * millisecond.
 */
abstract class LedgerTimestampConformanceTests extends FreshDatabaseTests {

	@Test
	void readsAppliedAtBackAsWrittenToTheMillisecond() throws SQLException {
		Instant appliedAt = Instant.parse("2024-05-06T07:08:09.678Z");
		SqlMigrationLedger ledger = new SqlMigrationLedger(Dialects.detect(this.database.dataSource()),
				new LedgerTable(null, LedgerTable.DEFAULT_NAME));
		try (Connection connection = this.database.dataSource().getConnection()) {
			ledger.ensureInitialized(connection);
			ledger.logApplied(connection, new LedgerEntry("m_20240101000000_create_alpha", null, 1, LedgerState.APPLIED,
					appliedAt, 0, "test", null));
			assertThat(ledger.readApplied(connection)).singleElement()
				.satisfies((row) -> assertThat(row.appliedAt()).isEqualTo(appliedAt));
			assertThat(ledger.readIfInitialized(connection))
				.hasValueSatisfying((rows) -> assertThat(rows).singleElement()
					.satisfies((row) -> assertThat(row.appliedAt()).isEqualTo(appliedAt)));
		}
	}

}
