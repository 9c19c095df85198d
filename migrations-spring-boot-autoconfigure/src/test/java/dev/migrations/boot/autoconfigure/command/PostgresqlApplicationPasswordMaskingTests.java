package dev.migrations.boot.autoconfigure.command;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlApplicationPasswordMaskingTests extends ApplicationPasswordMaskingConformanceTests {

	@Override
	String refusedDatabase() {
		// The local server trusts every password, so a wrong database is what it refuses
		return "no_such_database";
	}

	@Override
	String refusalSays() {
		return "FATAL: database \"no_such_database\" does not exist";
	}

	@Override
	String userInfoSays() {
		// The driver takes user:password@host for a host name
		return "The connection attempt failed.";
	}

}
