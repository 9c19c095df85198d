package dev.migrations.conformance;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.migrations.LedgerTable;
import dev.migrations.MigrationValidationException;
import dev.migrations.dialect.Dialects;
import dev.migrations.internal.DelegatingDataSource;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.MigrationIndex;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A runner given the index built with the application: nothing is listed or read when
 * nothing is pending, only the pending scripts are read when something is, and applied
 * migrations are validated against the checksums the index carries.
 */
abstract class IndexConformanceTests extends FreshDatabaseTests {

	private static final String LOCATION = "classpath:db/migrations";

	private CountingClassLoader classLoader;

	@BeforeEach
	void createClassLoader() throws IOException {
		this.classLoader = new CountingClassLoader(this.directory);
		write("20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT PRIMARY KEY);\n");
		write("20240101000000_create_notes.down.sql", "DROP TABLE notes;\n");
		write("20240102000000_create_tags.sql", "CREATE TABLE tags (id INT PRIMARY KEY);\n");
	}

	@AfterEach
	void closeClassLoader() throws IOException {
		this.classLoader.close();
	}

	@Test
	void withTheIndexNothingIsListedOrReadWhenNothingIsPending() {
		MigrationIndex index = index();
		assertThat(runner(index).applyAll().migrations()).hasSize(2);
		this.classLoader.reset();
		MigrationRunner again = runner(index);
		assertThat(again.applyAll().migrations()).isEmpty();
		assertThat(again.status()).hasSize(2);
		assertThat(this.classLoader.reads).as("scripts read").isZero();
		assertThat(this.classLoader.listings).as("locations listed").isZero();
	}

	@Test
	void withTheIndexTheFirstStartOnANewDatabaseLogsNoWarning() {
		MigrationIndex index = index();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		root.addAppender(events);
		try {
			assertThat(runner(index).applyAll().migrations()).hasSize(2);
		}
		finally {
			root.detachAppender(events);
		}
		assertThat(events.list).filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
	}

	@Test
	void withTheIndexOnlyThePendingScriptIsRead() throws IOException {
		assertThat(runner(index()).applyAll().migrations()).hasSize(2);
		write("20240103000000_create_labels.sql", "CREATE TABLE labels (id INT PRIMARY KEY);\n");
		MigrationIndex rebuilt = index();
		this.classLoader.reset();
		assertThat(runner(rebuilt).applyAll().migrations()).singleElement()
			.satisfies((applied) -> assertThat(applied.id().toString()).isEqualTo("m_20240103000000_create_labels"));
		assertThat(this.classLoader.reads).as("scripts read").isEqualTo(1);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM labels")).isZero();
	}

	@Test
	void aRollbackReadsTheDownScriptOfTheMigrationItUndoes() {
		MigrationIndex index = index();
		runner(index).applyAll(1);
		this.classLoader.reset();
		MigrationRunner runner = runner(index);
		assertThat(runner.rollback().migrations()).hasSize(1);
		assertThat(this.classLoader.reads).as("the .up.sql and .down.sql of create_notes").isEqualTo(2);
		assertThat(runner.applyAll().migrations()).hasSize(2);
	}

	@Test
	void aScriptEditedAfterTheIndexWasBuiltIsNotReadWhileTheIndexNamesItsChecksum() throws IOException {
		MigrationIndex index = index();
		runner(index).applyAll();
		write("20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT);\n");
		this.classLoader.reset();
		assertThat(runner(index).applyAll().migrations()).isEmpty();
		assertThat(this.classLoader.reads).isZero();
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner(null).applyAll())
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.satisfies(
						(problem) -> assertThat(problem.id().toString()).isEqualTo("m_20240101000000_create_notes")));
	}

	@Test
	void anIndexCarryingAChangedChecksumFailsValidation() throws IOException {
		runner(index()).applyAll();
		write("20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT);\n");
		MigrationIndex rebuilt = MigrationIndex.read(new StringReader(index().text()));
		this.classLoader.reset();
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner(rebuilt).applyAll())
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.satisfies(
						(problem) -> assertThat(problem.id().toString()).isEqualTo("m_20240101000000_create_notes")));
		assertThat(this.classLoader.reads).as("scripts read to find the edit").isZero();
	}

	@Test
	void withTheIndexAStartWithNothingPendingOpensOneConnection() {
		MigrationIndex index = index();
		runner(index).applyAll();
		AtomicInteger connections = new AtomicInteger();
		MigrationRunner again = builder(index, new CountingDataSource(this.database.dataSource(), connections)).build();
		assertThat(again.applyAll().migrations()).isEmpty();
		assertThat(connections).as("connections opened").hasValue(1);
	}

	@Test
	void withTheIndexAFailedMigrationStillStopsTheApply() {
		MigrationIndex index = index();
		runner(index).applyAll();
		this.database.execute("UPDATE " + ledger() + " SET state = 'FAILED', error = 'disk full' WHERE id = '"
				+ "m_20240102000000_create_tags'");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner(index).applyAll())
			.withMessageContaining("m_20240102000000_create_tags")
			.withMessageContaining("disk full");
	}

	@Test
	void withTheIndexAnAppliedMigrationNoSourceDefinesAnyMoreIsLeftAsWithoutIt() throws IOException {
		runner(index()).applyAll();
		Files.delete(this.directory.resolve("db/migrations/20240102000000_create_tags.sql"));
		MigrationIndex rebuilt = index();
		assertThat(runner(rebuilt).applyAll().migrations()).isEmpty();
		assertThat(runner(null).applyAll().migrations()).isEmpty();
		assertThat(runner(rebuilt).status()).hasSize(2);
	}

	@Test
	void withTheIndexALedgerOfAnEarlierLayoutIsUpgradedWithNothingPending() {
		MigrationIndex index = index();
		MigrationRunner first = runner(index);
		first.applyAll();
		this.database.execute("ALTER TABLE " + ledger() + " DROP COLUMN " + first.dialect().quote("lock_owner"));
		assertThat(runner(index).applyAll().migrations()).isEmpty();
		assertThat(this.database.queryForLong("SELECT COUNT(lock_owner) FROM " + ledger())).isZero();
	}

	@Test
	void withTheIndexAMissingLedgerIsCreatedAndEveryMigrationApplied() {
		MigrationRunner runner = runner(index());
		assertThat(runner.applyAll().migrations()).hasSize(2);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM " + ledger())).isEqualTo(2);
	}

	@Test
	void aRunnerBuiltWithTheIndexRunsWithTheBuilderAsItWasWhenBuilt() {
		MigrationRunner.Builder builder = builder(index(), this.database.dataSource());
		MigrationRunner runner = builder.build();
		builder.table("later_ledger").locations("classpath:db/elsewhere").validateOnApply(false);
		assertThat(runner.applyAll().migrations()).hasSize(2);
		assertThat(runner.ledger().describe()).isEqualTo(LedgerTable.DEFAULT_NAME);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM " + ledger())).isEqualTo(2);
	}

	@Test
	void withTheIndexALedgerNamedInMixedCaseIsReadUnderItsOwnName() {
		MigrationIndex index = index();
		assertThat(builder(index, this.database.dataSource()).table("Notes_Ledger").build().applyAll().migrations())
			.hasSize(2);
		AtomicInteger connections = new AtomicInteger();
		MigrationRunner again = builder(index, new CountingDataSource(this.database.dataSource(), connections))
			.table("Notes_Ledger")
			.build();
		assertThat(again.applyAll().migrations()).isEmpty();
		assertThat(connections).as("connections opened: the database's identity, then the ledger").hasValue(2);
		assertThat(again.status()).hasSize(2);
	}

	@Test
	void withTheIndexAVendorLocationEndsAStartWithNothingPending() throws IOException {
		for (String database : MigrationIndex.databases()) {
			write("../vendor/" + database + "/20240104000000_create_codes.sql",
					"CREATE TABLE codes (id INT PRIMARY KEY);\n");
		}
		List<String> locations = List.of(LOCATION, "classpath:db/vendor/{vendor}");
		MigrationIndex index = MigrationIndex.build(locations, this.classLoader, StandardCharsets.UTF_8);
		assertThat(builder(index, this.database.dataSource()).locations(locations).build().applyAll().migrations())
			.hasSize(3);
		this.classLoader.reset();
		assertThat(builder(index, this.database.dataSource()).locations(locations).build().applyAll().migrations())
			.isEmpty();
		assertThat(this.classLoader.reads).as("scripts read").isZero();
	}

	private MigrationIndex index() {
		return MigrationIndex.build(List.of(LOCATION), this.classLoader, StandardCharsets.UTF_8);
	}

	private MigrationRunner runner(@Nullable MigrationIndex index) {
		return builder(index, this.database.dataSource()).build();
	}

	private MigrationRunner.Builder builder(@Nullable MigrationIndex index, DataSource dataSource) {
		return MigrationRunner.builder(dataSource).locations(LOCATION).classLoader(this.classLoader).index(index);
	}

	/**
	 * Return the default ledger's name as this database writes it.
	 */
	private String ledger() {
		return Dialects.detect(this.database.dataSource()).qualify(new LedgerTable(null, LedgerTable.DEFAULT_NAME));
	}

	private void write(String name, String text) throws IOException {
		Path file = this.directory.resolve("db/migrations").resolve(name).normalize();
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	/**
	 * A data source that counts the connections opened through it.
	 */
	private static final class CountingDataSource extends DelegatingDataSource {

		private final AtomicInteger opened;

		CountingDataSource(DataSource dataSource, AtomicInteger opened) {
			super(dataSource);
			this.opened = opened;
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.opened.incrementAndGet();
			return delegate().getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			this.opened.incrementAndGet();
			return delegate().getConnection(username, password);
		}

	}

	/**
	 * A class loader of the test's directory that counts the scripts it is asked for and
	 * the locations it is asked to list.
	 */
	static final class CountingClassLoader extends URLClassLoader {

		int reads;

		int listings;

		CountingClassLoader(Path directory) throws IOException {
			super(new URL[] { directory.toUri().toURL() }, IndexConformanceTests.class.getClassLoader());
		}

		void reset() {
			this.reads = 0;
			this.listings = 0;
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			count(name);
			return super.getResources(name);
		}

		@Override
		public URL getResource(String name) {
			count(name);
			return super.getResource(name);
		}

		private void count(String name) {
			if (name.endsWith(".sql")) {
				this.reads++;
			}
			else if (name.startsWith("db/")) {
				this.listings++;
			}
		}

	}

}
