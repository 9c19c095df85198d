package dev.migrations.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import db.testmod.notes.M20240101000200_CountTemplateRuns;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Migrated databases on every database: test classes that use {@link MigratedDatabase},
 * run through JUnit's test kit, see only their own writes and leave nothing behind, and
 * the template is migrated once per definition.
 */
abstract class MigratedDatabaseConformanceTests {

	private TestServer server;

	abstract DatabaseKind kind();

	final TestServer server() {
		return this.server;
	}

	@BeforeEach
	void createServer() {
		this.server = TestServer.create(kind());
		Examples.copies.clear();
	}

	@AfterEach
	void closeServer() {
		List<String> templates = TemplateCache.shared().names();
		TemplateCache.shared().dropAll();
		assertThat(templates).noneMatch(this.server::exists);
		this.server.close();
	}

	@Test
	void eachTestMethodSeesOnlyItsOwnWrites() {
		run(Examples.WritingPerMethod.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(Examples.copies).hasSize(2);
	}

	@Test
	void theTestsOfAClassShareItsCopy() {
		run(Examples.SharingPerClass.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(Examples.copies).hasSize(1);
	}

	@Test
	void aClassThatDropsATableDoesNotAffectTheNext() {
		run(Examples.DroppingTags.class).assertStatistics((stats) -> stats.started(1).succeeded(1));
		run(Examples.ReadingTags.class).assertStatistics((stats) -> stats.started(1).succeeded(1));
	}

	@Test
	void refreshGivesBackTheMigratedState() {
		run(Examples.Refreshing.class).assertStatistics((stats) -> stats.started(1).succeeded(1));
	}

	@Test
	void theTemplateIsMigratedOnceForEveryClassAndMethodThatUsesIt() {
		int before = M20240101000200_CountTemplateRuns.RUNS.get();
		run(Examples.WritingPerMethod.class, Examples.SharingPerClass.class, Examples.DroppingTags.class)
			.assertStatistics((stats) -> stats.started(5).succeeded(5));
		run(Examples.ReadingTags.class, Examples.Refreshing.class)
			.assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(Examples.copies).hasSize(6);
		assertThat(M20240101000200_CountTemplateRuns.RUNS.get() - before).isOne();
	}

	@Test
	void copiesAreDroppedAfterTheirClassOrMethod() {
		run(Examples.WritingPerMethod.class, Examples.SharingPerClass.class, Examples.Refreshing.class)
			.assertStatistics((stats) -> stats.started(5).succeeded(5));
		assertThat(Examples.copies).hasSize(4);
		TemplateCache.shared().awaitDrops();
		assertThat(Examples.copies).noneMatch(this.server::exists);
	}

	@Test
	void aCopyIsUpToDateForARunnerOfTheSameMigrations() {
		try (DatabaseCopy copy = template().copy()) {
			assertThat(this.server.exists(copy.name())).isTrue();
			assertThat(copy.runner().applyAll().migrations()).isEmpty();
			SchemaAssert.assertThatSchema(copy).isUpToDate().hasTable("notes").hasColumn("tags", "note_id");
		}
	}

	@Test
	void aCopyRollsBackAndAppliesUpToAMigration() {
		try (DatabaseCopy copy = template().copy()) {
			MigrationRunner runner = copy.runner();
			runner.rollbackTo(MigrationId.parse("m_20240101000000_create_notes"));
			SchemaAssert.assertThatSchema(copy)
				.isAt("m_20240101000000_create_notes")
				.hasTable("notes")
				.doesNotHaveTable("tags");
			runner.targeting(MigrationId.parse("m_20240101000100_create_tags")).applyAll();
			SchemaAssert.assertThatSchema(copy).isAt("m_20240101000100_create_tags").hasTable("tags");
		}
	}

	@Test
	void copiesAskedForAtOnceWaitForOneMigration() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		DatabaseTemplate template = template().withTable("concurrent_ledger")
			.withEntries(MigrationEntry.of("m_20240101000300_count_runs",
					(schema) -> schema.jdbc((connection) -> runs.incrementAndGet())));
		ExecutorService executor = Executors.newFixedThreadPool(4);
		List<DatabaseCopy> copies = new ArrayList<>();
		try {
			List<Future<DatabaseCopy>> futures = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				futures.add(executor.submit(template::copy));
			}
			for (Future<DatabaseCopy> future : futures) {
				copies.add(future.get());
			}
		}
		finally {
			executor.shutdown();
			copies.forEach(DatabaseCopy::close);
		}
		Set<String> names = new HashSet<>();
		copies.forEach((copy) -> names.add(copy.name()));
		TemplateCache.shared().awaitDrops();
		assertThat(names).hasSize(4).noneMatch(this.server::exists);
		assertThat(runs).hasValue(1);
	}

	@Test
	void copiesLeftOpenAreDroppedWithTheirTemplate() {
		DatabaseCopy copy = template().copy();
		assertThat(this.server.exists(copy.name())).isTrue();
		TemplateCache.shared().dropAll();
		assertThat(this.server.exists(copy.name())).isFalse();
	}

	@Test
	void copiesClosedInQuickSuccessionAndTheCopiesMadeAheadAreGoneOnceTheTemplateIsClosed() {
		DatabaseTemplate template = template();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < 10; i++) {
			try (DatabaseCopy copy = template.copy()) {
				names.add(copy.name());
			}
		}
		Template made = TemplateCache.shared().template(template);
		names.addAll(made.copies());
		names.add(made.name());
		template.close();
		// Ten handed out, as many made ahead as the server makes at once, the template
		assertThat(names).hasSize(10 + made.server().copiesAtOnce() + 1).noneMatch(this.server::exists);
	}

	@Test
	void aClosedCopyCannotBeRefreshed() {
		DatabaseCopy copy = template().copy();
		copy.close();
		copy.close();
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(copy::refresh)
			.withMessageContaining("is closed");
	}

	private DatabaseTemplate template() {
		return DatabaseTemplate.of(this.server.url()).withLocations(Examples.LOCATION);
	}

	private Events run(Class<?>... testClasses) {
		return EngineTestKit.engine("junit-jupiter")
			.configurationParameter(Examples.URL, this.server.url())
			.selectors(java.util.Arrays.stream(testClasses)
				.map((type) -> selectClass(type))
				.toArray(org.junit.platform.engine.DiscoverySelector[]::new))
			.execute()
			.testEvents();
	}

}
