package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.AfterEach;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbSessionIsolationTests extends SessionIsolationConformanceTests {

	private String other() {
		return this.database.queryForString("SELECT DATABASE()") + "_other";
	}

	/**
	 * What a script that works in two databases and a {@code mysqldump} header do.
	 */
	@Override
	String changeSession() {
		return """
				CREATE DATABASE %1$s;
				USE %1$s;
				/*!40014 SET FOREIGN_KEY_CHECKS = 0 */;
				SET SESSION sql_mode = 'ANSI_QUOTES';
				CREATE TABLE alpha (id INT PRIMARY KEY);
				""".formatted(other());
	}

	@Override
	String probe() {
		return "CONCAT(DATABASE(), ' ', @@SESSION.foreign_key_checks, ' ', @@SESSION.sql_mode)";
	}

	@AfterEach
	void dropOtherDatabase() {
		if (this.database != null) {
			this.database.execute("DROP DATABASE IF EXISTS " + other());
		}
	}

}
