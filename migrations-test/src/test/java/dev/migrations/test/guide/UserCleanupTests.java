package dev.migrations.test.guide;

import dev.migrations.test.CopyMode;
import dev.migrations.test.DatabaseCopy;
import dev.migrations.test.MigratedDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MigratedDatabase(mode = CopyMode.PER_METHOD)
class UserCleanupTests {

	@Test
	void deletesEveryUser(DatabaseCopy database) {
		Users.deleteAll(database.dataSource());
		assertThat(Users.count(database.dataSource())).isZero();

		database.refresh();
		assertThat(Users.count(database.dataSource())).isEqualTo(1);
	}

}
