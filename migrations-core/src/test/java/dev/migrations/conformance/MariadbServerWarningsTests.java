package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbServerWarningsTests extends ServerWarningsConformanceTests {

	@Override
	String warningStatement() {
		return "SELECT id FROM notes INTO @first_note";
	}

	@Override
	String warningMessage() {
		return "'<select expression> INTO <destination>;' is deprecated";
	}

	@Override
	String warningCodes() {
		return "(vendor code 1287)";
	}

	@Override
	String noticeMessage() {
		return "Unknown table";
	}

	@Override
	String noticeCodes() {
		return "(vendor code 1051)";
	}

}
