package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlServerWarningsTests extends ServerWarningsConformanceTests {

	@Override
	String warningStatement() {
		return "DO $$ BEGIN RAISE WARNING 'notes has % row(s)', (SELECT count(*) FROM notes); END $$";
	}

	@Override
	String warningMessage() {
		return "notes has 1 row(s)";
	}

	@Override
	String warningCodes() {
		return "(SQLState 01000)";
	}

	@Override
	String noticeMessage() {
		return "table \"nothing_here\" does not exist, skipping";
	}

	@Override
	String noticeCodes() {
		return "(SQLState 00000)";
	}

}
