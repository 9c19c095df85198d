package dev.migrations.cli;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbPasswordMaskingIT extends PasswordMaskingConformanceIT {

	@Override
	List<Failure> failures(Server server) {
		return List.of(
				server.failure("wrong port", "127.0.0.1", 1, "test",
						"Socket fail to connect to 127.0.0.1:1. Connection refused"),
				server.failure("unknown host", "no-such-host.invalid", server.port(), "test",
						"Socket fail to connect to no-such-host.invalid"),
				server.failure("wrong password", server.host(), server.port(), "test",
						"Access denied for user '" + server.user() + "'@'"));
	}

	@Override
	String userInfoSays() {
		// The driver quotes the user information it cannot parse out of context
		return "Incorrect port value : ******@";
	}

}
