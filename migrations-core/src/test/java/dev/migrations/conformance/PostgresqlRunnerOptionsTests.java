package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlRunnerOptionsTests extends RunnerOptionsConformanceTests {

	@Override
	String setSetting(int value) {
		return "SET statement_timeout = " + value;
	}

	@Override
	String raise(String text) {
		return "DO $$ BEGIN RAISE EXCEPTION '%', '" + text + "'; END $$";
	}

	@Override
	String setting() {
		return "current_setting('statement_timeout')";
	}

	@Override
	String settingText(int value) {
		return value + "ms";
	}

}
