package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlPretendScriptTests extends PretendScriptConformanceTests {

	@Override
	String migrationWithRoutines() {
		return """
				CREATE TABLE accounts (id INT PRIMARY KEY, balance INT NOT NULL, updated_at TIMESTAMP);
				CREATE TABLE audit (account_id INT, note VARCHAR(100));

				CREATE PROCEDURE credit(account INT, amount INT) LANGUAGE plpgsql AS $$
				BEGIN
				    UPDATE accounts SET balance = balance + amount WHERE id = account;
				    INSERT INTO audit VALUES (account, 'credited; see balance');
				END;
				$$;

				CREATE FUNCTION doubled(x INT) RETURNS INT LANGUAGE plpgsql AS $body$
				DECLARE
				    result INT;
				BEGIN
				    result := x * 2;
				    RETURN result;
				END;
				$body$;

				CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    NEW.updated_at := now();
				    INSERT INTO audit VALUES (NEW.id, 'costs $1; touched');
				    RETURN NEW;
				END;
				$$;

				CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();

				INSERT INTO accounts VALUES (1, 10, NULL);
				""";
	}

	@Override
	String migrationChangingTheSession() {
		return """
				SELECT pg_catalog.set_config('search_path', '', false);
				SET client_min_messages = warning;
				CREATE TABLE public.first (id int PRIMARY KEY);
				""";
	}

	@Override
	String migrationNeedingTheSessionItStartedWith() {
		return """
				CREATE TABLE second (id int PRIMARY KEY);
				""";
	}

	@Override
	String currentSchema() {
		return "current_schema()";
	}

}
