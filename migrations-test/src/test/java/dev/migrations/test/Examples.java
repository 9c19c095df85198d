package dev.migrations.test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test classes that use {@link MigratedDatabase}, run by the conformance tests through
 * JUnit's test kit (and never by the build itself: nested classes are not test classes
 * there), against the server whose URL the configuration parameter {@value #URL} holds.
 */
final class Examples {

	static final String URL = "migrations.test.examples.url";

	static final String LOCATION = "classpath:db/testmod/notes";

	/** The names of the copies every example got. */
	static final Set<String> copies = ConcurrentHashMap.newKeySet();

	private Examples() {
	}

	@MigratedDatabase(urlVariable = URL, locations = LOCATION, mode = CopyMode.PER_METHOD)
	static class WritingPerMethod {

		@BeforeEach
		void remember(DatabaseCopy copy) {
			copies.add(copy.name());
		}

		@Test
		void firstWritesRowTwo(DataSource dataSource) {
			writeRowTwo(dataSource);
		}

		@Test
		void secondWritesRowTwo(DataSource dataSource) {
			writeRowTwo(dataSource);
		}

		private static void writeRowTwo(DataSource dataSource) {
			assertThat(Jdbc.count(dataSource, "notes")).isOne();
			Jdbc.execute(dataSource, "INSERT INTO notes (id, body) VALUES (2, 'mine')");
			assertThat(Jdbc.count(dataSource, "notes")).isEqualTo(2);
		}

	}

	@MigratedDatabase(urlVariable = URL, locations = LOCATION)
	@TestMethodOrder(MethodOrderer.MethodName.class)
	static class SharingPerClass {

		private final DataSource dataSource;

		SharingPerClass(DatabaseCopy copy) {
			copies.add(copy.name());
			this.dataSource = copy.dataSource();
		}

		@Test
		void aWritesRowTwo() {
			Jdbc.execute(this.dataSource, "INSERT INTO notes (id, body) VALUES (2, 'shared')");
		}

		@Test
		void bSeesTheWriteOfTheClass() {
			assertThat(Jdbc.count(this.dataSource, "notes")).isEqualTo(2);
		}

	}

	@MigratedDatabase(urlVariable = URL, locations = LOCATION)
	static class DroppingTags {

		@Test
		void dropsTags(DatabaseCopy copy) {
			copies.add(copy.name());
			Jdbc.execute(copy.dataSource(), "DROP VIEW tag_names", "DROP TABLE tags");
			SchemaAssert.assertThatSchema(copy).doesNotHaveTable("tags");
		}

	}

	@MigratedDatabase(urlVariable = URL, locations = LOCATION)
	static class ReadingTags {

		@Test
		void readsTagsAndTheirView(DatabaseCopy copy) {
			copies.add(copy.name());
			assertThat(Jdbc.count(copy.dataSource(), "tags")).isOne();
			assertThat(Jdbc.count(copy.dataSource(), "tag_names")).isOne();
		}

	}

	@MigratedDatabase(urlVariable = URL, locations = LOCATION, mode = CopyMode.PER_METHOD)
	static class Refreshing {

		@Test
		void refreshGivesBackTheMigratedState(DatabaseCopy copy) {
			copies.add(copy.name());
			Jdbc.execute(copy.dataSource(), "DELETE FROM tags", "DELETE FROM notes");
			copy.refresh();
			assertThat(Jdbc.count(copy.dataSource(), "notes")).isOne();
			assertThat(Jdbc.count(copy.dataSource(), "tags")).isOne();
		}

	}

}
