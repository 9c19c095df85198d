package dev.migrations.boot.autoconfigure.command;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbApplicationPasswordMaskingTests extends ApplicationPasswordMaskingConformanceTests {

	@Override
	String refusedDatabase() {
		return "test";
	}

	@Override
	String refusalSays() {
		return "(using password: YES)";
	}

	@Override
	String userInfoSays() {
		// The driver quotes the user information it cannot parse out of context
		return "Incorrect port value : ******@";
	}

}
