package dev.migrations.test;

import java.util.HashSet;
import java.util.Set;

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

	@Test
	void copiesAreStillMadeAndDroppedAfterTheServerEndsTheSessionsThatMakeAndDropThem() {
		DatabaseTemplate template = DatabaseTemplate.of(server().url()).withLocations(Examples.LOCATION);
		Set<String> names = new HashSet<>();
		try (DatabaseCopy copy = template.copy()) {
			names.add(copy.name());
		}
		TemplateCache.shared().awaitDrops();
		Jdbc.execute(new JdbcUrlDataSource(server().url()), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
				+ "WHERE datname = current_database() AND pid <> pg_backend_pid()");
		// The first copy may be the one made ahead before the sessions ended: the next
		// ones
		// are made through the ended session, or a new one
		for (int i = 0; i < 3; i++) {
			try (DatabaseCopy copy = template.copy()) {
				names.add(copy.name());
				assertThat(Jdbc.count(copy.dataSource(), "notes")).isOne();
			}
		}
		Template made = TemplateCache.shared().template(template);
		names.addAll(made.copies());
		names.add(made.name());
		template.close();
		assertThat(names).hasSizeGreaterThanOrEqualTo(6).noneMatch(server()::exists);
	}

}
