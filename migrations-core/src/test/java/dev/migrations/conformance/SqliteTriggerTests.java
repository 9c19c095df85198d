package dev.migrations.conformance;

import java.nio.file.Files;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Triggers in SQLite scripts, as the {@code sqlite3} client reads them: the statements of
 * a trigger's body belong to the trigger.
 */
@OnDatabase(DatabaseKind.SQLITE)
class SqliteTriggerTests extends FreshDatabaseTests {

	@Test
	void triggersWhoseBodiesHoldSeveralStatementsAreCreatedWholeAndFire() throws Exception {
		write("20240101000000_create_notes.sql", """
				CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, "end" TEXT);
				CREATE TABLE counts (total INTEGER NOT NULL);
				INSERT INTO counts VALUES (0);
				CREATE TABLE audit (note_id INTEGER, action TEXT);

				CREATE TRIGGER notes_counted AFTER INSERT ON notes
				BEGIN
				    UPDATE counts SET total = total + 1;
				    INSERT INTO audit (note_id, action) VALUES (NEW.id, 'insert');
				END;

				-- A CASE inside the body ends with END too
				CREATE TRIGGER notes_labelled AFTER INSERT ON notes BEGIN
				    UPDATE notes SET "end" = CASE WHEN NEW.body = '' THEN 'empty' ELSE 'full' END
				        WHERE id = NEW.id;
				    INSERT INTO audit (note_id, action)
				        VALUES (NEW.id, CASE NEW.id WHEN 1 THEN 'first' ELSE 'later' END);
				END;

				CREATE TRIGGER IF NOT EXISTS notes_forgotten BEFORE DELETE ON notes FOR EACH ROW
				WHEN OLD.body = 'kept'
				BEGIN
				    SELECT RAISE(ABORT, 'kept; it stays');
				    DELETE FROM audit;
				END;
				INSERT INTO notes (id, body) VALUES (1, 'kept');
				""");
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForString(
				"SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name)"))
			.isEqualTo("notes_counted,notes_forgotten,notes_labelled");
		this.database.execute("INSERT INTO notes (id, body) VALUES (2, '')");
		assertThat(this.database.queryForLong("SELECT total FROM counts")).isEqualTo(2);
		assertThat(this.database.queryForString(
				"SELECT group_concat(note_id || ':' || action, ',') FROM (SELECT * FROM audit ORDER BY note_id, action)"))
			.isEqualTo("1:first,1:insert,2:insert,2:later");
		assertThat(this.database.queryForString("SELECT group_concat(\"end\", ',') FROM notes ORDER BY id"))
			.isEqualTo("full,empty");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.database.execute("DELETE FROM notes WHERE id = 1"))
			.withMessageContaining("kept; it stays");
	}

	@Test
	void transactionControlBesideATriggerIsStillRefused() throws Exception {
		write("20240101000000_create_notes.sql", """
				CREATE TABLE notes (id INTEGER PRIMARY KEY);
				BEGIN TRANSACTION;
				CREATE TRIGGER notes_touched AFTER INSERT ON notes BEGIN SELECT 1; END;
				END TRANSACTION;
				""");
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining("line 2 is transaction control (BEGIN)");
		assertThat(this.database.tables()).isEmpty();
	}

	private void write(String name, String script) throws Exception {
		Files.writeString(this.directory.resolve(name), script);
	}

	private MigrationRunner runner() {
		return MigrationRunner.builder(this.database.dataSource()).locations("filesystem:" + this.directory).build();
	}

}
