package dev.migrations.cli;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlPasswordMaskingIT extends PasswordMaskingConformanceIT {

	@Override
	List<Failure> failures(Server server) {
		// The local server trusts every password, so a wrong database is what it refuses
		return List.of(server.failure("wrong port", "127.0.0.1", 1, "postgres", "Connection to 127.0.0.1:1 refused"),
				server.failure("unknown host", "no-such-host.invalid", server.port(), "postgres",
						"The connection attempt failed."),
				server.failure("wrong database", server.host(), server.port(), "no_such_database",
						"FATAL: database \"no_such_database\" does not exist"));
	}

	@Override
	String userInfoSays() {
		// The driver takes user:password@host for a host name
		return "The connection attempt failed.";
	}

}
