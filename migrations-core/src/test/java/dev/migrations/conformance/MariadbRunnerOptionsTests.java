package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.AfterEach;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbRunnerOptionsTests extends RunnerOptionsConformanceTests {

	@Override
	String setSetting(int value) {
		return "SET SESSION lock_wait_timeout = " + value;
	}

	@Override
	String raise(String text) {
		return "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '" + text + "'";
	}

	@Override
	String setting() {
		return "CAST(@@SESSION.lock_wait_timeout AS CHAR)";
	}

	@Override
	String settingText(int value) {
		return Integer.toString(value);
	}

	/**
	 * On MariaDB a schema is a database of the server: one per test database.
	 */
	@Override
	String newSchema() {
		return this.database.queryForString("SELECT DATABASE()") + "_created";
	}

	@AfterEach
	void dropCreatedDatabase() {
		if (this.database != null) {
			this.database.execute("DROP DATABASE IF EXISTS " + newSchema());
		}
	}

}
