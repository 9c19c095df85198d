package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbRealSqlTests extends RealSqlConformanceTests {

	/**
	 * The dump is of a database named {@code film_rental}, and creates and uses it by
	 * that name, as {@code mysqldump --databases} writes it; it is restored under the
	 * name of the test's database, as a dump is restored into a database of another name.
	 */
	@Override
	String onDatabase(String script, TestDatabase target) {
		return script.replace("`film_rental`", "`" + target.queryForString("SELECT DATABASE()") + "`");
	}

}
