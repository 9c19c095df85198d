package dev.migrations.test;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlMigratedDatabaseTests extends MigratedDatabaseConformanceTests {

	@Override
	DatabaseKind kind() {
		return DatabaseKind.POSTGRESQL;
	}

	@Test
	void aCopyMadeAheadThatFailedIsMadeAgainOnceAndThenFailsWithBothCauses() {
		DatabaseTemplate template = DatabaseTemplate.of(server().url()).withLocations(Examples.LOCATION);
		template.copy().close();
		String name = TemplateCache.shared().template(template).name();
		JdbcUrlDataSource server = new JdbcUrlDataSource(server().url());
		Jdbc.execute(server, "ALTER DATABASE " + name + " RENAME TO " + name + "_away");
		try {
			// The copy made ahead before the rename may still succeed: the one after
			// fails
			assertThatIllegalStateException().isThrownBy(() -> {
				template.copy().close();
				template.copy().close();
			})
				.withMessageContaining("Could not copy the template database " + name)
				.satisfies((failure) -> assertThat(failure.getSuppressed()).singleElement()
					.satisfies((ahead) -> assertThat(ahead)
						.hasMessageContaining("Could not copy the template database " + name)));
		}
		finally {
			Jdbc.execute(server, "ALTER DATABASE " + name + "_away RENAME TO " + name);
		}
		try (DatabaseCopy copy = template.copy()) {
			assertThat(Jdbc.count(copy.dataSource(), "notes")).isOne();
		}
	}

}
