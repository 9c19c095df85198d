package dev.migrations.source;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.migrations.ExecutedMigration;
import dev.migrations.JdbcUrlDataSource;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.scanned.AddGadgets;
import dev.migrations.source.scanned.M20240301000000_CreateWidgets;
import dev.migrations.source.scanned.nested.M20240303000000_create_sprockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JavaMigrationSourceTests {

	private static final String SCANNED = "classpath:dev/migrations/source/scanned";

	@TempDir
	Path directory;

	@Test
	void findsTheConcreteMigrationClassesOfALocationsPackageAndItsSubPackagesAndSkipsTheRestByRule() {
		JavaMigrationSource source = new JavaMigrationSource(List.of(SCANNED), List.of(), getClass().getClassLoader());
		assertThat(source.findClasses()).containsExactly(AddGadgets.class, M20240301000000_CreateWidgets.class,
				M20240303000000_create_sprockets.class);
	}

	@Test
	void readsTheIdFromTheIdConstantOrElseFromTheClassName() {
		List<MigrationEntry> entries = new JavaMigrationSource(List.of(SCANNED), List.of(), getClass().getClassLoader())
			.load();
		assertThat(entries).extracting((entry) -> entry.id().toString())
			.containsExactly("m_20240302000000_add_gadgets", "m_20240301000000_create_widgets",
					"m_20240303000000_create_sprockets");
		assertThat(entries.get(1).source()).isEqualTo("class " + M20240301000000_CreateWidgets.class.getName());
	}

	@Test
	void classNamesSpellIdsInCamelOrSnakeCase() {
		assertThat(JavaMigrationSource.idFromName("M20241201000000_CreateUsersTable"))
			.hasToString("m_20241201000000_create_users_table");
		assertThat(JavaMigrationSource.idFromName("M20241201000000_AddV2Column"))
			.hasToString("m_20241201000000_add_v2_column");
		assertThat(JavaMigrationSource.idFromName("m_20241201000000_create_users_table"))
			.hasToString("m_20241201000000_create_users_table");
		assertThat(JavaMigrationSource.idFromName("CreateUsersTable")).isNull();
		assertThat(JavaMigrationSource.idFromName("M20241301000000_BadMonth")).isNull();
	}

	@Test
	void scansConfiguredPackagesAndFilesystemLocationsHoldNoClasses() {
		JavaMigrationSource source = new JavaMigrationSource(List.of("filesystem:" + this.directory),
				List.of("dev.migrations.source.scanned.nested"), getClass().getClassLoader());
		assertThat(source.findClasses()).containsExactly(M20240303000000_create_sprockets.class);
	}

	@Test
	void aClassWithoutAnIdIsAnErrorShowingHowToGiveItOne() {
		JavaMigrationSource source = new JavaMigrationSource(List.of("classpath:dev/migrations/source/scannednoid"),
				List.of(), getClass().getClassLoader());
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(source::load)
			.withMessageContaining("dev.migrations.source.scannednoid.CreateThings has no id")
			.withMessageContaining("M20241201000000_CreateUsersTable")
			.withMessageContaining("public static final MigrationId ID");
	}

	@Test
	void aClassWithoutAConstructorWithoutParametersIsAnError() {
		JavaMigrationSource source = new JavaMigrationSource(List.of(), List.of("dev.migrations.source.scannedargs"),
				getClass().getClassLoader());
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(source::load)
			.withMessageContaining("M20240304000000_NeedsArguments has no constructor without parameters");
	}

	@Test
	void aMalformedPackageNameIsAnError() {
		JavaMigrationSource source = new JavaMigrationSource(List.of(), List.of("db/migrations"),
				getClass().getClassLoader());
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(source::findClasses)
			.withMessageContaining("'db/migrations' is not a package name");
	}

	@Test
	void aLocationWithAVendorFolderIsScannedForTheDatabase() {
		JavaMigrationSource source = new JavaMigrationSource(List.of("classpath:dev/migrations/source/{vendor}"),
				List.of(), getClass().getClassLoader());
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(source::findClasses)
			.withMessageContaining("withDatabase");
		assertThat(source.withDatabase("scanned").findClasses()).hasSize(3);
	}

	@Test
	void findsClassesInsideJars() throws Exception {
		Path sources = Files.createDirectories(this.directory.resolve("src/jarred/migrations"));
		Path file = Files.writeString(sources.resolve("M20240305000000_FromJar.java"), """
				package jarred.migrations;

				public class M20240305000000_FromJar implements dev.migrations.Migration {
					public void up(dev.migrations.schema.Schema schema) {
						schema.sql("CREATE TABLE from_jar (id INT)");
					}
				}
				""");
		Path classes = Files.createDirectories(this.directory.resolve("classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler.run(null, null, null, "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path"), file.toString()))
			.isZero();
		Path jar = this.directory.resolve("migrations.jar");
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar))) {
			// Directory entries, as the jar plugin writes them: a class loader finds a
			// package
			// in a jar through them
			output.putNextEntry(new JarEntry("jarred/"));
			output.putNextEntry(new JarEntry("jarred/migrations/"));
			output.putNextEntry(new JarEntry("jarred/migrations/M20240305000000_FromJar.class"));
			Files.copy(classes.resolve("jarred/migrations/M20240305000000_FromJar.class"), output);
			output.closeEntry();
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				getClass().getClassLoader())) {
			List<MigrationEntry> entries = new JavaMigrationSource(List.of("classpath:jarred/migrations"), List.of(),
					loader)
				.load();
			assertThat(entries).extracting((entry) -> entry.id().toString())
				.containsExactly("m_20240305000000_from_jar");
		}
	}

	@Test
	void theRunnerAppliesScannedMigrationsAndFindsARegisteredOneOnlyOnce() throws SQLException {
		JdbcUrlDataSource dataSource = new JdbcUrlDataSource("jdbc:h2:mem:java_scan;DB_CLOSE_DELAY=-1");
		MigrationRunner runner = MigrationRunner.builder(dataSource)
			.locations(SCANNED)
			.entries(MigrationEntry.of(AddGadgets.ID, new AddGadgets()))
			.build();
		assertThat(runner.applyAll().migrations()).extracting(ExecutedMigration::id)
			.extracting(Object::toString)
			.containsExactly("m_20240301000000_create_widgets", "m_20240302000000_add_gadgets",
					"m_20240303000000_create_sprockets");
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.createStatement()
					.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN "
							+ "('WIDGETS', 'GADGETS', 'SPROCKETS', 'NEVER_CREATED')")) {
			tables.next();
			assertThat(tables.getInt(1)).isEqualTo(3);
			connection.createStatement().execute("DROP ALL OBJECTS");
		}
	}

}
