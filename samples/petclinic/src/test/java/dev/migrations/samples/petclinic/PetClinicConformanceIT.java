package dev.migrations.samples.petclinic;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.RunningApplication;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Runs the PetClinic sample's one packaged jar as a separate process against a fresh
 * database of one kind: {@code classpath:db/migrations/{vendor}} applies the migrations
 * of that database's folder and of no other, before Hibernate validates the entities
 * against the tables and the repositories read the seed rows.
 */
abstract class PetClinicConformanceIT {

	static final List<String> MIGRATION_IDS = List.of("m_20250301000000_create_vets",
			"m_20250301000100_create_owners_and_pets", "m_20250301000200_seed_clinic");

	static final List<String> MIGRATION_FILES = List.of("20250301000000_create_vets.up.sql",
			"20250301000100_create_owners_and_pets.up.sql", "20250301000200_seed_clinic.up.sql");

	private static final String RUNNER = "$.contexts.application.runners.migrationRunner";

	@TempDir
	Path directory;

	private TestDatabase database;

	/**
	 * Return the kind of database to run the sample on.
	 * @return the kind
	 */
	abstract DatabaseKind kind();

	/**
	 * Return the folder under {@code db/migrations} that {@code {vendor}} names for this
	 * database.
	 * @return the folder name, such as {@code postgresql}
	 */
	abstract String vendor();

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.createShared(kind());
	}

	@AfterEach
	void dropDatabase() {
		// A database that is not available skips (or fails) the test before it is created
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void appliesOnlyTheMigrationsOfItsDatabaseBeforeJpaReadsThem() throws Exception {
		try (RunningApplication application = RunningApplication.start("petclinic", this.directory, List.of(),
				environment())) {
			Map<String, String> checksums = assertMigratedFromTheVendorFolder(application);
			assertThat(ledger()).as("ledger rows (id and checksum) of the %s database", kind().productName())
				.containsExactlyEntriesOf(checksums);
			assertThat(clinicTables()).containsExactly("owners", "pets", "specialties", "types", "vet_specialties",
					"vets", "visits");
			assertThat(rowCounts()).containsExactly(entry("vets", 8L), entry("specialties", 4L),
					entry("vet_specialties", 8L), entry("types", 6L), entry("owners", 12L), entry("pets", 16L),
					entry("visits", 10L));
			assertVetsReadThroughJpa(application);
			assertOwnersReadThroughJpa(application);
			assertANewOwnerTakesTheNextId(application);
		}
	}

	private Map<String, String> environment() {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_DATASOURCE_URL", this.database.url());
		environment.put("SPRING_DATASOURCE_USERNAME", null);
		environment.put("SPRING_DATASOURCE_PASSWORD", null);
		environment.put("SPRING_PROFILES_ACTIVE", null);
		environment.put("MIGRATIONS_LOCATIONS", null);
		return environment;
	}

	/**
	 * Check {@code /actuator/migrations}: the three migrations applied in batch 1, each
	 * from this database's folder, none pending, none with a checksum that differs from
	 * the file's (the files of the three folders differ, so a migration applied from
	 * another folder would show as a mismatch).
	 * @return the checksum of each migration, by id
	 */
	private Map<String, String> assertMigratedFromTheVendorFolder(RunningApplication application) throws Exception {
		HttpResponse<String> response = application.get("/actuator/migrations");
		assertThat(response.statusCode()).as("GET /actuator/migrations: " + response.body()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(response.body());
		assertThat(json.read(RUNNER + ".database", String.class)).as(response.body()).startsWith(kind().productName());
		assertThat(json.read(RUNNER + ".summary", Map.class)).as(response.body())
			.containsEntry("applied", 3)
			.containsEntry("pending", 0)
			.containsEntry("failed", 0)
			.containsEntry("checksumMismatch", 0)
			.containsEntry("lastBatch", 1)
			.containsEntry("current", "m_20250301000200_seed_clinic");
		assertThat(json.read(RUNNER + ".migrations[*].id", List.class)).as(response.body())
			.containsExactlyElementsOf(MIGRATION_IDS);
		assertThat(json.read(RUNNER + ".migrations[*].state", List.class)).as(response.body())
			.containsExactly("APPLIED", "APPLIED", "APPLIED");
		List<String> sources = json.read(RUNNER + ".migrations[*].source");
		List<String> expectedSources = MIGRATION_FILES.stream()
			.map((file) -> "classpath:db/migrations/" + vendor() + "/" + file)
			.toList();
		assertThat(sources).as(response.body()).containsExactlyElementsOf(expectedSources);
		List<String> checksums = json.read(RUNNER + ".migrations[*].checksum");
		Map<String, String> byId = new LinkedHashMap<>();
		for (int i = 0; i < MIGRATION_IDS.size(); i++) {
			byId.put(MIGRATION_IDS.get(i), checksums.get(i));
		}
		return byId;
	}

	private Map<String, String> ledger() throws SQLException {
		Map<String, String> rows = new LinkedHashMap<>();
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet ledger = statement.executeQuery("SELECT id, checksum FROM migrations_ledger ORDER BY id")) {
			while (ledger.next()) {
				rows.put(ledger.getString(1), ledger.getString(2));
			}
		}
		return rows;
	}

	private List<String> clinicTables() {
		List<String> tables = new ArrayList<>(this.database.tables());
		tables.removeIf((table) -> table.startsWith("migrations_"));
		return tables;
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("vets", "specialties", "vet_specialties", "types", "owners", "pets", "visits")) {
			counts.put(table, this.database.queryForLong("SELECT COUNT(*) FROM " + table));
		}
		return counts;
	}

	private void assertVetsReadThroughJpa(RunningApplication application) throws Exception {
		HttpResponse<String> response = application.get("/vets");
		assertThat(response.statusCode()).as("GET /vets: " + response.body()).isEqualTo(200);
		DocumentContext vets = JsonPath.parse(response.body());
		assertThat(vets.read("$[*].lastName", List.class)).as(response.body())
			.containsExactly("Ferreira", "Lindqvist", "Moreau", "Nowak", "Okafor", "Raman", "Watanabe", "Whitaker");
		assertThat(vets.read("$[?(@.lastName == 'Ferreira')].specialties[*]", List.class)).as(response.body())
			.containsExactly("dentistry", "surgery");
		assertThat(vets.read("$[?(@.lastName == 'Moreau')].specialties[*]", List.class)).as(response.body()).isEmpty();
	}

	private void assertOwnersReadThroughJpa(RunningApplication application) throws Exception {
		HttpResponse<String> response = application.get("/owners?lastName=Ellison");
		assertThat(response.statusCode()).as("GET /owners: " + response.body()).isEqualTo(200);
		DocumentContext owners = JsonPath.parse(response.body());
		assertThat(owners.read("$[*].firstName", List.class)).as(response.body()).containsExactly("Margaret");
		assertThat(owners.read("$[0].pets[*].name", List.class)).as(response.body())
			.containsExactly("Biscuit", "Pepper");
		assertThat(owners.read("$[0].pets[*].type", List.class)).as(response.body()).containsExactly("dog", "cat");
		assertThat(owners.read("$[0].pets[1].birthDate", String.class)).as(response.body()).isEqualTo("2021-08-02");
		assertThat(owners.read("$[0].pets[1].visits", List.class)).as(response.body())
			.containsExactly("annual vaccinations", "dental check");
	}

	/**
	 * The seed rows name their ids: a new owner is given the next one, which on H2 and
	 * PostgreSQL needs the identity moved past them (each database's seed migration does
	 * it its own way).
	 */
	private void assertANewOwnerTakesTheNextId(RunningApplication application) throws Exception {
		HttpResponse<String> created = application.post("/owners", """
				{"firstName": "Ada", "lastName": "Quinn", "address": "7 Elm Street", "city": "Leeds",
				 "telephone": "01132000000"}""");
		assertThat(created.statusCode()).as("POST /owners: " + created.body()).isEqualTo(201);
		assertThat(JsonPath.parse(created.body()).read("$.id", Integer.class)).as(created.body()).isEqualTo(13);
		HttpResponse<String> owners = application.get("/owners");
		assertThat(JsonPath.parse(owners.body()).read("$[*].lastName", List.class)).as(owners.body())
			.hasSize(13)
			.contains("Quinn");
	}

}
