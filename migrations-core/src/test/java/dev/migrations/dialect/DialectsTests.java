package dev.migrations.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DialectsTests {

	@Test
	void detectsEachKnownDatabaseFromItsProductName() {
		assertThat(Dialects.forProduct("PostgreSQL", "15.4")).isInstanceOf(PostgresDialect.class);
		assertThat(Dialects.forProduct("MariaDB", "10.11.6-MariaDB")).isInstanceOf(MariaDbDialect.class);
		assertThat(Dialects.forProduct("MySQL", "10.11.6-MariaDB-0+deb12u1")).isInstanceOf(MariaDbDialect.class);
		assertThat(Dialects.forProduct("MySQL", "5.5.5-10.11.19-MariaDB")).isInstanceOf(MariaDbDialect.class);
		assertThat(Dialects.forProduct("MySQL", "8.4.0")).isExactlyInstanceOf(MySqlDialect.class);
		assertThat(Dialects.forProduct("H2", "2.4.240")).isInstanceOf(H2Dialect.class);
		assertThat(Dialects.forProduct("SQLite", "3.45")).isInstanceOf(SqliteDialect.class);
	}

	@Test
	void fallsBackToAGenericDialectThatAssumesNonTransactionalDdl() {
		Dialect dialect = Dialects.forProduct("Apache Derby", "10.17");
		assertThat(dialect).isInstanceOf(GenericDialect.class);
		assertThat(dialect.name()).isEqualTo("generic (Apache Derby)");
		assertThat(dialect.transactionalDdl()).isFalse();
	}

	@Test
	void quotesIdentifiersPerDatabase() {
		assertThat(new PostgresDialect().quote("users")).isEqualTo("\"users\"");
		assertThat(new MySqlDialect().quote("users")).isEqualTo("`users`");
	}

}
