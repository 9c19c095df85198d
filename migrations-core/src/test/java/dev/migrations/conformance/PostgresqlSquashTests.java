package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

/**
 * Squashing migrations on PostgreSQL.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlSquashTests extends SquashConformanceTests {

	@Override
	String trigger() {
		return """
				CREATE FUNCTION log_insert() RETURNS trigger AS $$
				BEGIN
				    INSERT INTO log (id, note) VALUES (1000 + NEW.id, 'trigger');
				    RETURN NEW;
				END;
				$$ LANGUAGE plpgsql;
				CREATE TRIGGER t_120_logged AFTER INSERT ON t_120 FOR EACH ROW EXECUTE FUNCTION log_insert();
				""";
	}

	@Override
	String dialect() {
		return "postgresql";
	}

}
