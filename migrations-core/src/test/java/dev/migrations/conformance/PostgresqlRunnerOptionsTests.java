package dev.migrations.conformance;

import java.util.List;

import dev.migrations.MigrationException;
import dev.migrations.Remedy;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlRunnerOptionsTests extends RunnerOptionsConformanceTests {

	@Test
	void aSearchPathOfSchemasThatDoNotExistIsNamedWhenTheLedgerCannotBeCreated() {
		write("20240101000000_one.sql", "CREATE TABLE one_t (id INT PRIMARY KEY);\n");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner().initSqls(List.of("SET search_path TO no_such_schema_here")).build().applyAll())
			.withMessageStartingWith("The migration ledger migrations_ledger has no schema to be created in: none of "
					+ "the schemas of the connection's search_path (no_such_schema_here) exists")
			.withMessageContaining("Nothing was changed")
			.satisfies((ex) -> assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.CORRECT_DATABASE_ERROR));
		assertThat(this.database.tables()).isEmpty();
	}

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
