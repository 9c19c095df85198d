package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

/**
 * Squashing migrations on MariaDB.
 */
@OnDatabase(DatabaseKind.MARIADB)
class MariadbSquashTests extends SquashConformanceTests {

	@Override
	String trigger() {
		return """
				DELIMITER //
				CREATE TRIGGER t_120_logged AFTER INSERT ON t_120 FOR EACH ROW
				BEGIN
				    INSERT INTO log (id, note) VALUES (1000 + NEW.id, 'trigger');
				END//
				DELIMITER ;
				""";
	}

	@Override
	String dialect() {
		return "mariadb";
	}

}
