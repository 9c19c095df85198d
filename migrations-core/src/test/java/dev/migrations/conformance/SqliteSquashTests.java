package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

/**
 * Squashing migrations on SQLite.
 */
@OnDatabase(DatabaseKind.SQLITE)
class SqliteSquashTests extends SquashConformanceTests {

	@Override
	String trigger() {
		return """
				CREATE TRIGGER t_120_logged AFTER INSERT ON t_120 BEGIN
				    INSERT INTO log (id, note) VALUES (1000 + NEW.id, 'trigger');
				END;
				""";
	}

	@Override
	String dialect() {
		return "sqlite";
	}

}
