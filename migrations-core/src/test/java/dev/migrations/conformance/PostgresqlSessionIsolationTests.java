package dev.migrations.conformance;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlSessionIsolationTests extends SessionIsolationConformanceTests {

	/**
	 * What {@code pg_dump} writes at the top of every dump, and a session setting.
	 */
	@Override
	String changeSession() {
		return """
				SELECT pg_catalog.set_config('search_path', '', false);
				SET statement_timeout = 54321;
				CREATE TABLE public.alpha (id INT PRIMARY KEY);
				""";
	}

	@Override
	String probe() {
		return "current_setting('search_path') || ' ' || current_setting('statement_timeout')";
	}

	/**
	 * A function that clears the search path, called by a migration whose text does not
	 * show it: the runner does not see the change, and the ledger row is written where
	 * the run found the ledger all the same.
	 */
	@Test
	void aSessionChangeHiddenInAFunctionDoesNotRedirectTheLedger() {
		write("20240101000000_function.sql", """
				CREATE FUNCTION clear_path() RETURNS text LANGUAGE sql
				AS $$ SELECT pg_catalog.set_config('search_path', '', false) $$;
				""");
		write("20240102000000_call.sql", """
				SELECT public.clear_path();
				CREATE TABLE public.beta (id INT PRIMARY KEY);
				""");
		assertThat(runner().applyAll().migrations()).hasSize(2);
		assertThat(runner().status()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
		assertThat(this.database.queryForLong("SELECT count(*) FROM public.migrations_ledger")).isEqualTo(2);
	}

}
