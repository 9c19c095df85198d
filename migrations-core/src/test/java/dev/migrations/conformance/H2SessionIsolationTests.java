package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.H2)
class H2SessionIsolationTests extends SessionIsolationConformanceTests {

	@Override
	String changeSession() {
		return """
				CREATE SCHEMA other;
				SET SCHEMA other;
				CREATE TABLE alpha (id INT PRIMARY KEY);
				""";
	}

	@Override
	String probe() {
		return "CURRENT_SCHEMA";
	}

}
