package dev.migrations.test.guide;

import javax.sql.DataSource;

import dev.migrations.test.CopyMode;
import dev.migrations.test.DatabaseTemplate;
import dev.migrations.test.MigratedDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SeededUserTests {

	@RegisterExtension
	static final MigratedDatabaseExtension database = new MigratedDatabaseExtension(
			DatabaseTemplate.fromEnvironment("MIGRATIONS_TEST_URL").withTable("seeded_ledger"), CopyMode.PER_METHOD);

	@Test
	void seesTheMigratedUsers(DataSource dataSource) {
		assertThat(Users.count(dataSource)).isEqualTo(1);
	}

}
