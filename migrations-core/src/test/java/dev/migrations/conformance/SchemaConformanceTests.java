package dev.migrations.conformance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrations.IrreversibleMigrationException;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.Schema;
import dev.migrations.testing.DatabaseDisplayNames;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.SchemaSnapshot;
import dev.migrations.testing.SchemaSnapshot.Column;
import dev.migrations.testing.SchemaSnapshot.ForeignKey;
import dev.migrations.testing.SchemaSnapshot.Index;
import dev.migrations.testing.SchemaSnapshot.Table;
import dev.migrations.testing.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema builder on every database: each test applies one operation through the
 * runner, checks the resulting schema through JDBC {@link DatabaseMetaData}, and rolls it
 * back where it is reversible, checking the schema is as before. Run once per database by
 * the concrete subclasses, each test in a fresh database.
 */
@DisplayNameGeneration(DatabaseDisplayNames.class)
abstract class SchemaConformanceTests {

	/**
	 * The checksums of the realistic migration set, in id order: the same on every
	 * database, because they hash dialect-neutral canonical text.
	 */
	static final List<String> REALISTIC_CHECKSUMS = List.of(
			"v1:6115312d8e8e426717be4adf6c1c05a8b64fb07332adb501b30108eba975f4a0",
			"v1:8704f9bce61bda8d7d08e614d0aa4e729850b7fbc7b2505630f930731ee9f31d",
			"v1:fb6611a7dbd9c41dd4d174c6ba4b9290866add3d81c2296b5658890c78414c0a",
			"v1:68729ebd38aed5191423ed2edff2d05100e25c35e9525519e6509d377d625bc3",
			"v1:7612e24643216085b1980856790acdb86369a734965b99bc6b9ea8548e7f6b1e",
			"v1:12874ab2af114b4690ba4570769689b146e106d85e90354964d6394eeb67d7dc",
			"v1:ac8e6cf273d2cc9be1551b8f689e928a435e14a75d8052d886fef0f0f8c68e29");

	private final List<MigrationEntry> entries = new ArrayList<>();

	TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create(kind());
	}

	@AfterEach
	void dropDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void createsTableWithEveryColumnTypeAndDropsItOnRollback() {
		SchemaSnapshot before = snapshot();
		apply((schema) -> schema.create("everything", (t) -> {
			t.id();
			t.integer("integer_column");
			t.bigInteger("big_integer_column");
			t.smallInteger("small_integer_column");
			t.decimal("decimal_column", 8, 2);
			t.floatColumn("float_column");
			t.doubleColumn("double_column");
			t.booleanColumn("boolean_column");
			t.string("string_column", 100);
			t.text("text_column");
			t.date("date_column");
			t.time("time_column");
			t.timestamp("timestamp_column");
			t.timestampTz("timestamp_tz_column");
			t.uuid("uuid_column");
			t.json("json_column");
			t.binary("binary_column").nullable();
		}));
		Table table = snapshot().table("everything");
		assertThat(table.columns()).hasSize(17);
		assertThat(table.primaryKey()).containsExactly("id");
		assertThat(table.column("id").autoIncrement()).isTrue();
		assertThat(table.column("id").nullable()).isFalse();
		assertType(table.column("id"), ColumnType.BIG_INCREMENTS);
		assertType(table.column("integer_column"), ColumnType.INTEGER);
		assertType(table.column("big_integer_column"), ColumnType.BIG_INTEGER);
		assertType(table.column("small_integer_column"), ColumnType.SMALL_INTEGER);
		assertType(table.column("decimal_column"), ColumnType.DECIMAL);
		assertThat(table.column("decimal_column").decimalDigits()).isEqualTo(2);
		assertType(table.column("float_column"), ColumnType.FLOAT);
		assertType(table.column("double_column"), ColumnType.DOUBLE);
		assertType(table.column("boolean_column"), ColumnType.BOOLEAN);
		assertType(table.column("string_column"), ColumnType.STRING);
		assertThat(table.column("string_column").size()).isEqualTo(100);
		assertType(table.column("text_column"), ColumnType.TEXT);
		assertType(table.column("date_column"), ColumnType.DATE);
		assertType(table.column("time_column"), ColumnType.TIME);
		assertType(table.column("timestamp_column"), ColumnType.TIMESTAMP);
		assertType(table.column("timestamp_tz_column"), ColumnType.TIMESTAMP_TZ);
		assertType(table.column("uuid_column"), ColumnType.UUID);
		assertType(table.column("json_column"), ColumnType.JSON);
		assertType(table.column("binary_column"), ColumnType.BINARY);
		assertThat(table.columns().values()).filteredOn((column) -> !column.name().equals("binary_column"))
			.extracting(Column::nullable)
			.containsOnly(false);
		assertThat(table.column("binary_column").nullable()).isTrue();
		this.database.execute(insert("everything", "integer_column", "big_integer_column", "small_integer_column",
				"decimal_column", "float_column", "double_column", "boolean_column", "string_column", "text_column",
				"date_column", "time_column", "timestamp_column", "timestamp_tz_column", "uuid_column", "json_column")
				+ " VALUES (1, 2, 3, 4.25, 1.5, 2.5, TRUE, 's', 't', '2024-01-02', '10:11:12', "
				+ "'2024-01-02 10:11:12', '2024-01-02 10:11:12', " + "'0b6c2c7e-4e59-4bfb-9a47-0d8f3a1b2c3d', '{}')");
		assertThat(this.database.queryForLong("SELECT " + quote("id") + " FROM " + quote("everything"))).isEqualTo(1);
		rollBack();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void createsColumnsWithDefaultsNullabilityAndComments() {
		apply((schema) -> schema.create("settings", (t) -> {
			t.id();
			t.string("theme", 20).defaultValue("it's dark");
			t.integer("retries").defaultValue(3);
			t.booleanColumn("enabled").defaultValue(true);
			t.timestamp("changed_at").defaultExpression("CURRENT_TIMESTAMP");
			t.string("note").nullable().comment("free text");
		}));
		Table table = snapshot().table("settings");
		assertThat(defaultOf(table.column("theme"))).isEqualTo("'it''s dark'");
		assertThat(defaultOf(table.column("retries"))).isEqualTo("3");
		assertThat(defaultOf(table.column("enabled"))).isIn("true", "1");
		assertThat(defaultOf(table.column("changed_at"))).isEqualTo("current_timestamp");
		assertThat(defaultOf(table.column("note"))).isNull();
		assertThat(table.column("theme").nullable()).isFalse();
		assertThat(table.column("note").nullable()).isTrue();
		if (kind() == DatabaseKind.SQLITE) {
			assertThat(tableDefinitionInSqlite("settings")).contains("/* free text */");
		}
		else {
			assertThat(table.column("note").remarks()).isEqualTo("free text");
		}
		this.database.execute(insert("settings", "note") + " VALUES ('x')");
		assertThat(this.database.queryForLong("SELECT " + quote("retries") + " FROM " + quote("settings")))
			.isEqualTo(3);
	}

	@Test
	void createsCompositePrimaryKeysIndexesAndForeignKeys() {
		apply((schema) -> schema.create("memberships", (t) -> {
			t.bigInteger("team_id");
			t.bigInteger("user_id");
			t.string("role", 20);
			t.integer("rank");
			t.primary("team_id", "user_id");
			t.index("role", "rank");
			t.unique("user_id", "rank").name("memberships_one_rank_per_user");
		}));
		Table table = snapshot().table("memberships");
		assertThat(table.primaryKey()).containsExactly("team_id", "user_id");
		assertThat(table.indexes()).containsEntry("memberships_role_rank_index",
				new Index("memberships_role_rank_index", false, List.of("role", "rank")));
		assertThat(table.indexes()).containsEntry("memberships_one_rank_per_user",
				new Index("memberships_one_rank_per_user", true, List.of("user_id", "rank")));
		this.database.execute(insert("memberships", "team_id", "user_id", "role", "rank") + " VALUES (1, 1, 'a', 1)");
		assertThatThrownBy(() -> this.database
			.execute(insert("memberships", "team_id", "user_id", "role", "rank") + " VALUES (1, 1, 'b', 2)"))
			.as("composite primary key")
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> this.database
			.execute(insert("memberships", "team_id", "user_id", "role", "rank") + " VALUES (2, 1, 'b', 1)"))
			.as("composite unique index")
			.isInstanceOf(IllegalStateException.class);
		apply((schema) -> schema.create("membership_notes", (t) -> {
			t.id();
			t.bigInteger("team_id");
			t.bigInteger("user_id");
			t.foreign("team_id", "user_id").references("memberships", "team_id", "user_id");
		}));
		assertThat(snapshot().table("membership_notes").foreignKeys().get("membership_notes_team_id_user_id_foreign"))
			.extracting(ForeignKey::columns, ForeignKey::referencedTable, ForeignKey::referencedColumns)
			.containsExactly(List.of("team_id", "user_id"), "memberships", List.of("team_id", "user_id"));
		rollBack();
		assertThat(tables()).containsExactly("memberships");
		rollBack();
		assertThat(tables()).isEmpty();
	}

	@Test
	void createsForeignKeysWithReferentialActions() {
		apply((schema) -> schema.create("teams", (t) -> t.id()));
		SchemaSnapshot before = snapshot();
		apply((schema) -> schema.create("players", (t) -> {
			t.id();
			t.foreignId("team_id").constrained().onDelete(ReferentialAction.CASCADE);
			t.foreignId("coach_id").nullable().constrained("teams").onDelete(ReferentialAction.SET_NULL);
		}));
		Map<String, ForeignKey> keys = snapshot().table("players").foreignKeys();
		assertThat(keys).containsOnlyKeys("players_team_id_foreign", "players_coach_id_foreign");
		assertThat(keys.get("players_team_id_foreign"))
			.extracting(ForeignKey::columns, ForeignKey::referencedTable, ForeignKey::referencedColumns,
					ForeignKey::onDelete)
			.containsExactly(List.of("team_id"), "teams", List.of("id"), "CASCADE");
		assertThat(keys.get("players_coach_id_foreign").onDelete()).isEqualTo("SET NULL");
		this.database.execute(insert("teams", "id") + " VALUES (1)", insert("teams", "id") + " VALUES (2)",
				insert("players", "team_id", "coach_id") + " VALUES (1, 2)");
		withForeignKeys("DELETE FROM " + quote("teams") + " WHERE " + quote("id") + " = 2");
		assertThat(this.database
			.queryForLong("SELECT COUNT(*) FROM " + quote("players") + " WHERE " + quote("coach_id") + " IS NULL"))
			.isEqualTo(1);
		withForeignKeys("DELETE FROM " + quote("teams") + " WHERE " + quote("id") + " = 1");
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM " + quote("players"))).isZero();
		rollBack();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void dropsTableIrreversibly() {
		apply((schema) -> schema.create("temporary", (t) -> t.id()));
		apply((schema) -> schema.drop("temporary"));
		assertThat(tables()).isEmpty();
		assertRollbackRefusedWithoutChanges("drop table temporary");
	}

	@Test
	void dropsTableIfItExists() {
		apply((schema) -> schema.create("temporary", (t) -> t.id()));
		apply((schema) -> schema.dropIfExists("temporary").dropIfExists("never_created"));
		assertThat(tables()).isEmpty();
		assertRollbackRefusedWithoutChanges("drop table if exists never_created");
	}

	@Test
	void renamesTableAndRenamesItBackOnRollback() {
		apply((schema) -> schema.create("people", (t) -> {
			t.id();
			t.string("email").unique();
		}));
		SchemaSnapshot before = snapshot();
		apply((schema) -> schema.rename("people", "persons"));
		assertThat(tables()).containsExactly("persons");
		assertThat(snapshot().table("persons").indexes()).containsKey("people_email_unique");
		rollBack();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void addsColumnsAndDropsThemOnRollback() {
		apply((schema) -> schema.create("users", (t) -> t.id()));
		SchemaSnapshot before = snapshot();
		apply((schema) -> schema.table("users", (t) -> {
			t.string("nickname", 50).nullable();
			t.integer("score").defaultValue(10);
			t.string("handle", 40).nullable().unique();
		}));
		Table table = snapshot().table("users");
		assertThat(table.columns()).containsOnlyKeys("id", "nickname", "score", "handle");
		assertType(table.column("nickname"), ColumnType.STRING);
		assertThat(table.column("nickname").size()).isEqualTo(50);
		assertThat(table.column("nickname").nullable()).isTrue();
		assertThat(table.column("score").nullable()).isFalse();
		assertThat(defaultOf(table.column("score"))).isEqualTo("10");
		assertThat(table.indexes().get("users_handle_unique"))
			.isEqualTo(new Index("users_handle_unique", true, List.of("handle")));
		rollBack();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void dropsColumnsIrreversibly() {
		apply((schema) -> schema.create("users", (t) -> {
			t.id();
			t.string("legacy").nullable();
			t.string("obsolete").nullable();
		}));
		apply((schema) -> schema.table("users", (t) -> t.dropColumn("legacy", "obsolete")));
		assertThat(snapshot().table("users").columns()).containsOnlyKeys("id");
		assertRollbackRefusedWithoutChanges("drop column obsolete of table users");
	}

	@Test
	void renamesColumnAndRenamesItBackOnRollback() {
		apply((schema) -> schema.create("users", (t) -> {
			t.id();
			t.string("name", 80).defaultValue("anonymous");
		}));
		SchemaSnapshot before = snapshot();
		apply((schema) -> schema.table("users", (t) -> t.renameColumn("name", "full_name")));
		Table table = snapshot().table("users");
		assertThat(table.columns()).containsOnlyKeys("id", "full_name");
		assertThat(table.column("full_name").size()).isEqualTo(80);
		assertThat(defaultOf(table.column("full_name"))).isEqualTo("'anonymous'");
		rollBack();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void changesNullabilityAndDefaultOfAColumn() {
		apply((schema) -> schema.create("users", (t) -> {
			t.id();
			t.string("status", 20).nullable();
			t.integer("level").defaultValue(1);
		}));
		Migration change = (schema) -> schema.table("users", (t) -> {
			t.string("status", 20).defaultValue("active").change();
			t.integer("level").nullable().change();
		});
		if (kind() == DatabaseKind.SQLITE) {
			assertRefusedAtPlanTime(change, "change column status of table users");
			return;
		}
		apply(change);
		Table table = snapshot().table("users");
		assertThat(table.column("status").nullable()).isFalse();
		assertThat(defaultOf(table.column("status"))).isEqualTo("'active'");
		assertThat(table.column("level").nullable()).isTrue();
		assertThat(defaultOf(table.column("level"))).isNull();
		assertRollbackRefusedWithoutChanges("change column level of table users");
	}

	@Test
	void addsIndexesWithDeterministicNamesAndDropsThemOnRollback() {
		apply((schema) -> schema.create("events", (t) -> {
			t.id();
			t.string("kind", 30);
			t.string("a_rather_long_column_name_for_an_index", 30);
			t.string("another_rather_long_column_name", 30);
		}));
		SchemaSnapshot before = snapshot();
		apply((schema) -> schema.table("events", (t) -> {
			t.index("kind");
			t.index("a_rather_long_column_name_for_an_index", "another_rather_long_column_name");
		}));
		Map<String, Index> indexes = snapshot().table("events").indexes();
		assertThat(indexes.get("events_kind_index")).isEqualTo(new Index("events_kind_index", false, List.of("kind")));
		assertThat(indexes.keySet()).anySatisfy(
				(name) -> assertThat(name).matches("events_a_rather_long_column_name_for_an_index_anoth_[0-9a-f]{8}")
					.hasSize(60));
		rollBack();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void addsUniqueConstraintsAndDropsThemOnRollback() {
		apply((schema) -> schema.create("accounts", (t) -> {
			t.id();
			t.string("provider", 20);
			t.string("subject", 100);
		}));
		SchemaSnapshot before = snapshot();
		apply((schema) -> schema.table("accounts", (t) -> t.unique("provider", "subject")));
		assertThat(snapshot().table("accounts").indexes().get("accounts_provider_subject_unique"))
			.isEqualTo(new Index("accounts_provider_subject_unique", true, List.of("provider", "subject")));
		this.database.execute(insert("accounts", "provider", "subject") + " VALUES ('github', '1')");
		assertThatThrownBy(
				() -> this.database.execute(insert("accounts", "provider", "subject") + " VALUES ('github', '1')"))
			.isInstanceOf(IllegalStateException.class);
		rollBack();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void dropsIndexesAndUniqueConstraintsIrreversibly() {
		apply((schema) -> schema.create("accounts", (t) -> {
			t.id();
			t.string("email").unique();
			t.string("provider", 20);
			t.index("provider");
			t.index("email", "provider").name("accounts_lookup");
		}));
		apply((schema) -> schema.table("accounts", (t) -> {
			t.dropUnique(List.of("email"));
			t.dropIndex(List.of("provider"));
			t.dropIndex("accounts_lookup");
		}));
		assertThat(snapshot().table("accounts").indexes()).doesNotContainKeys("accounts_email_unique",
				"accounts_provider_index", "accounts_lookup");
		assertRollbackRefusedWithoutChanges("drop index accounts_lookup of table accounts");
	}

	@Test
	void addsForeignKeyToExistingTableAndDropsItOnRollback() {
		apply((schema) -> {
			schema.create("authors", (t) -> t.id());
			schema.create("books", (t) -> {
				t.id();
				t.bigInteger("author_id");
			});
		});
		SchemaSnapshot before = snapshot();
		Migration addForeignKey = (schema) -> schema.table("books",
				(t) -> t.foreign("author_id")
					.references("authors", "id")
					.onDelete(ReferentialAction.RESTRICT)
					.onUpdate(ReferentialAction.CASCADE));
		if (kind() == DatabaseKind.SQLITE) {
			assertRefusedAtPlanTime(addForeignKey, "add foreign key books_author_id_foreign to table books");
			return;
		}
		apply(addForeignKey);
		ForeignKey key = snapshot().table("books").foreignKeys().get("books_author_id_foreign");
		assertThat(key).isEqualTo(new ForeignKey("books_author_id_foreign", List.of("author_id"), "authors",
				List.of("id"), "RESTRICT", "CASCADE"));
		assertThatThrownBy(() -> this.database.execute(insert("books", "author_id") + " VALUES (99)"))
			.isInstanceOf(IllegalStateException.class);
		rollBack();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void dropsForeignKeyIrreversibly() {
		apply((schema) -> {
			schema.create("authors", (t) -> t.id());
			schema.create("books", (t) -> {
				t.id();
				t.foreignId("author_id").constrained();
			});
		});
		Migration dropForeignKey = (schema) -> schema.table("books", (t) -> t.dropForeign(List.of("author_id")));
		if (kind() == DatabaseKind.SQLITE) {
			assertRefusedAtPlanTime(dropForeignKey, "drop foreign key books_author_id_foreign of table books");
			return;
		}
		apply(dropForeignKey);
		assertThat(snapshot().table("books").foreignKeys()).isEmpty();
		this.database.execute(insert("books", "author_id") + " VALUES (99)");
		assertRollbackRefusedWithoutChanges("drop foreign key books_author_id_foreign of table books");
	}

	@Test
	void addsTimestampsAndConstrainedForeignIds() {
		apply((schema) -> schema.create("categories", (t) -> t.id()));
		SchemaSnapshot before = snapshot();
		apply((schema) -> schema.create("products", (t) -> {
			t.id();
			t.foreignId("category_id").constrained();
			t.timestamps();
		}));
		Table table = snapshot().table("products");
		assertType(table.column("category_id"), ColumnType.BIG_INTEGER);
		assertThat(table.column("category_id").nullable()).isFalse();
		assertType(table.column("created_at"), ColumnType.TIMESTAMP);
		assertType(table.column("updated_at"), ColumnType.TIMESTAMP);
		assertThat(table.column("created_at").nullable()).isTrue();
		assertThat(table.column("updated_at").nullable()).isTrue();
		assertThat(table.foreignKeys().get("products_category_id_foreign").referencedTable()).isEqualTo("categories");
		rollBack();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void runsSqlAndJdbcStepsInOrderAndRefusesToRollThemBack() {
		apply((schema) -> schema.create("counters", (t) -> {
			t.string("name", 20).primary();
			t.integer("total");
		}));
		apply((schema) -> {
			schema.sql(insert("counters", "name", "total") + " VALUES ('a', 1)");
			schema.jdbc((connection) -> {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement
							.executeQuery("SELECT " + quote("total") + " FROM " + quote("counters"))) {
					rows.next();
					try (PreparedStatement insert = connection
						.prepareStatement(insert("counters", "name", "total") + " VALUES ('b', ?)")) {
						insert.setInt(1, rows.getInt(1) + 41);
						insert.executeUpdate();
					}
				}
			});
		});
		assertThat(this.database.queryForLong(
				"SELECT " + quote("total") + " FROM " + quote("counters") + " WHERE " + quote("name") + " = 'b'"))
			.isEqualTo(42);
		assertRollbackRefusedWithoutChanges("jdbc step of");
	}

	@Test
	void pretendShowsTheSqlOfTheConnectedDatabase() {
		this.entries
			.add(MigrationEntry.of("m_20240101000001_create_documents", (schema) -> schema.create("documents", (t) -> {
				t.id();
				t.json("body");
			})));
		List<PlannedMigration> plan = runner().pretend().applyAll();
		assertThat(plan).hasSize(1);
		String create = plan.get(0).statements().get(0);
		assertThat(create).startsWith("CREATE TABLE " + quote("documents") + " (" + quote("id") + " ");
		switch (kind()) {
			case POSTGRESQL -> assertThat(create).contains("GENERATED BY DEFAULT AS IDENTITY").contains("JSONB");
			case MARIADB -> assertThat(create).contains("AUTO_INCREMENT").contains("`body` JSON");
			case H2 -> assertThat(create).contains("GENERATED BY DEFAULT AS IDENTITY").contains("\"BODY\" JSON");
			case SQLITE -> assertThat(create).contains("PRIMARY KEY AUTOINCREMENT").contains("\"body\" TEXT");
		}
		assertThat(tables()).isEmpty();
	}

	@Test
	void refusesAnInvalidIdentifierWhenThePlanIsRecorded() {
		this.entries.add(MigrationEntry.of("m_20240101000001_bad_name",
				(schema) -> schema.create("users; DROP TABLE x", (t) -> t.id())));
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining("m_20240101000001_bad_name")
			.withMessageContaining("Invalid table name 'users; DROP TABLE x'");
	}

	@Test
	void writesJsonDefaultsAsJsonValues() {
		apply((schema) -> schema.create("documents", (t) -> {
			t.id();
			t.json("body").defaultValue("{\"a\": 1}");
			t.integer("version");
		}));
		apply((schema) -> schema.table("documents", (t) -> t.json("tags").defaultValue("[\"x\"]")));
		this.database.execute(insert("documents", "version") + " VALUES (1)");
		assertThat(queryForString("SELECT " + quote("body") + " FROM " + quote("documents")).replace(" ", ""))
			.isEqualTo("{\"a\":1}");
		assertThat(queryForString("SELECT " + quote("tags") + " FROM " + quote("documents")).replace(" ", ""))
			.isEqualTo("[\"x\"]");
		rollBack();
		assertThat(snapshot().table("documents").columns()).containsOnlyKeys("id", "body", "version");
	}

	@Test
	void refusesANonFiniteDefaultWhenThePlanIsRecorded() {
		this.entries.add(MigrationEntry.of("m_20240101000001_nan_default", (schema) -> schema.create("readings",
				(t) -> t.doubleColumn("value").defaultValue(Double.POSITIVE_INFINITY))));
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining("m_20240101000001_nan_default")
			.withMessageContaining("The default of column value must be a finite number, was Infinity");
		this.entries.clear();
		this.entries.add(MigrationEntry.of("m_20240101000001_nan_default",
				(schema) -> schema.create("readings", (t) -> t.floatColumn("value").defaultValue(Float.NaN))));
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining("must be a finite number, was NaN");
		assertThat(tables()).isEmpty();
	}

	@Test
	void hashesAJdbcStepByItsPositionOnly() {
		this.entries.add(MigrationEntry.of("m_20240101000001_first_backfill", (schema) -> schema.jdbc((connection) -> {
		})));
		this.entries.add(MigrationEntry.of("m_20240101000002_second_backfill", new Backfill()));
		assertThat(runner().status()).extracting(MigrationStatus::checksum).containsOnly(REALISTIC_CHECKSUMS.get(5));
	}

	@Test
	void appliesRollsBackAndReappliesARealisticMigrationSet() {
		addRealisticMigrationSet();
		runner().applyAll();
		SchemaSnapshot applied = snapshot();
		assertThat(applied.tables()).containsOnlyKeys("users", "teams", "team_user", "articles");
		Table users = applied.table("users");
		assertThat(users.columns()).containsOnlyKeys("id", "full_name", "email", "display_name", "created_at",
				"updated_at");
		assertThat(users.indexes()).containsKey("users_email_unique");
		Table teamUser = applied.table("team_user");
		assertThat(teamUser.primaryKey()).containsExactly("team_id", "user_id");
		assertThat(teamUser.foreignKeys()).containsOnlyKeys("team_user_team_id_foreign", "team_user_user_id_foreign");
		Table articles = applied.table("articles");
		assertThat(articles.foreignKeys().get("posts_user_id_foreign").onDelete()).isEqualTo("CASCADE");
		assertThat(articles.indexes()).containsKey("posts_user_id_published_index");
		assertThat(defaultOf(articles.column("published"))).isIn("false", "0");
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM " + quote("users") + " WHERE "
				+ quote("display_name") + " = " + quote("full_name")))
			.isEqualTo(2);
		assertThat(runner().status()).extracting(MigrationStatus::checksum)
			.containsExactlyElementsOf(REALISTIC_CHECKSUMS);
		assertThat(readLedgerChecksums()).containsExactlyElementsOf(REALISTIC_CHECKSUMS);
		runner().rollback();
		assertThat(tables()).isEmpty();
		runner().applyAll();
		assertThat(snapshot()).isEqualTo(applied);
	}

	@Test
	void refusesUnsupportedOperationsBeforeAnythingRuns() {
		apply((schema) -> schema.create("authors", (t) -> t.id()));
		Migration unsupported = switch (kind()) {
			case SQLITE -> (schema) -> schema.table("authors", (t) -> t.dropForeign("authors_x_foreign"));
			case MARIADB -> (schema) -> schema.create("books", (t) -> {
				t.id();
				t.foreignId("author_id").nullable().constrained().onDelete(ReferentialAction.SET_DEFAULT);
			});
			case POSTGRESQL, H2 -> null;
		};
		if (unsupported == null) {
			assertThat(kind()).as("every operation is supported").isIn(DatabaseKind.POSTGRESQL, DatabaseKind.H2);
			apply((schema) -> schema.create("books", (t) -> {
				t.id();
				t.foreignId("author_id").nullable().constrained().onDelete(ReferentialAction.SET_DEFAULT);
			}));
			apply((schema) -> schema.table("books", (t) -> t.dropForeign(List.of("author_id"))));
			assertThat(snapshot().table("books").foreignKeys()).isEmpty();
			return;
		}
		assertRefusedAtPlanTime(unsupported, (kind() == DatabaseKind.SQLITE)
				? "drop foreign key authors_x_foreign of table authors" : "create table books");
	}

	@Test
	void refusesADecimalScaleTheDatabaseCannotHoldBeforeAnythingRuns() {
		Migration prices = (schema) -> schema.create("prices", (t) -> {
			t.id();
			t.decimal("amount", 65, 40);
		});
		if (kind() == DatabaseKind.MARIADB) {
			assertRefusedAtPlanTime(prices,
					"allows a DECIMAL scale of at most 38, and column amount is decimal(65, 40)");
			return;
		}
		apply(prices);
		assertThat(tables()).contains("prices");
	}

	/**
	 * The realistic migration set: users, teams, a pivot, posts with foreign keys,
	 * indexes and timestamps, an added and a renamed column, a data backfill through JDBC
	 * with an explicit down, and a renamed table.
	 */
	void addRealisticMigrationSet() {
		this.entries.add(MigrationEntry.of("m_20240101000001_create_users", (schema) -> schema.create("users", (t) -> {
			t.id();
			t.string("name", 100);
			t.string("email").unique();
			t.timestamps();
		})));
		this.entries.add(MigrationEntry.of("m_20240101000002_create_teams", (schema) -> schema.create("teams", (t) -> {
			t.id();
			t.string("name", 100).unique();
			t.timestamps();
		})));
		this.entries
			.add(MigrationEntry.of("m_20240101000003_create_team_user", (schema) -> schema.create("team_user", (t) -> {
				t.foreignId("team_id").constrained().onDelete(ReferentialAction.CASCADE);
				t.foreignId("user_id").constrained().onDelete(ReferentialAction.CASCADE);
				t.string("role", 20).defaultValue("member");
				t.primary("team_id", "user_id");
			})));
		this.entries.add(MigrationEntry.of("m_20240101000004_create_posts", SchemaConformanceTests::createPosts));
		this.entries
			.add(MigrationEntry.of("m_20240101000005_add_display_name", (schema) -> schema.table("users", (t) -> {
				t.string("display_name", 100).nullable();
				t.renameColumn("name", "full_name");
			})));
		this.entries.add(MigrationEntry.of("m_20240101000006_backfill_display_name", new Backfill()));
		this.entries
			.add(MigrationEntry.of("m_20240101000007_rename_posts", (schema) -> schema.rename("posts", "articles")));
	}

	static void createPosts(Schema schema) {
		schema.create("posts", (t) -> {
			t.id();
			t.foreignId("user_id").constrained().onDelete(ReferentialAction.CASCADE);
			t.string("title", 200);
			t.text("body").nullable();
			t.booleanColumn("published").defaultValue(false);
			t.timestamps();
			t.index("user_id", "published");
		});
	}

	/**
	 * Seeds two users and copies their name into the new display name; its down clears
	 * the seeded rows, so the whole set rolls back.
	 */
	static final class Backfill implements Migration {

		@Override
		public void up(Schema schema) {
			// Unquoted, as users write it: the builder's names fold the way the database
			// does
			schema.jdbc((connection) -> {
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate("INSERT INTO users (full_name, email) "
							+ "VALUES ('Ada', 'ada@example.com'), ('Grace', 'grace@example.com')");
					statement.executeUpdate("UPDATE users SET display_name = full_name WHERE display_name IS NULL");
				}
			});
		}

		@Override
		public void down(Schema schema) {
			schema.jdbc((connection) -> {
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate("DELETE FROM users");
				}
			});
		}

	}

	DatabaseKind kind() {
		return getClass().getAnnotation(OnDatabase.class).value();
	}

	/**
	 * Record a migration and apply it (and anything else pending) in a new batch.
	 */
	void apply(Migration migration) {
		this.entries.add(MigrationEntry.of(nextId(), migration));
		runner().applyAll();
	}

	void rollBack() {
		runner().rollback();
	}

	String nextId() {
		return "m_" + (20240101000000L + this.entries.size() + 1) + "_step_" + (this.entries.size() + 1);
	}

	MigrationRunner runner() {
		return MigrationRunner.builder(this.database.dataSource())
			.entries(this.entries.toArray(new MigrationEntry[0]))
			.lockTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * The schema, with the names H2 generates for key indexes made stable (H2 renames
	 * them when it rebuilds a table, for example to add a column).
	 */
	SchemaSnapshot snapshot() {
		return SchemaSnapshot.of(this.database).normalized();
	}

	String queryForString(String sql) {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<String> readLedgerChecksums() {
		List<String> checksums = new ArrayList<>();
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT " + quote("checksum") + " FROM "
						+ quote("migrations_ledger") + " ORDER BY " + quote("id"))) {
			while (rows.next()) {
				checksums.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return checksums;
	}

	/**
	 * The tables of the database, without the ledger and its lock table.
	 */
	List<String> tables() {
		return this.database.tables().stream().filter((table) -> !table.startsWith("migrations_ledger")).toList();
	}

	/**
	 * Record a migration whose plan the database cannot render, behind a harmless pending
	 * one, and check that the run refuses before executing either.
	 */
	void assertRefusedAtPlanTime(Migration migration, String operation) {
		SchemaSnapshot before = snapshot();
		int applied = runner().status().size();
		this.entries.add(MigrationEntry.of(nextId(), (schema) -> schema.create("harmless", (t) -> t.id())));
		String id = nextId();
		this.entries.add(MigrationEntry.of(id, migration));
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining(id)
			.withMessageContaining("cannot run on " + this.database.kind().displayName())
			.withMessageContaining(operation)
			.withMessageContaining("Nothing was changed");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(runner().status()).hasSize(applied + 2)
			.filteredOn((status) -> status.state() == MigrationState.APPLIED)
			.hasSize(applied);
	}

	/**
	 * Check that rolling back the last batch refuses, names the operation, and changes
	 * neither the schema nor the ledger.
	 */
	void assertRollbackRefusedWithoutChanges(String operation) {
		SchemaSnapshot before = snapshot();
		List<MigrationStatus> status = runner().status();
		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(this::rollBack)
			.withMessageContaining(operation);
		assertThat(snapshot()).isEqualTo(before);
		assertThat(runner().status()).isEqualTo(status);
	}

	void assertType(Column column, ColumnType type) {
		assertThat(column.type()).as("type of %s", column.name()).isEqualTo(expectedTypes().get(type));
	}

	/**
	 * The type names JDBC reports for each column type on this database: the type mapping
	 * table of docs/schema-builder.md as the database itself reads it back.
	 */
	Map<ColumnType, String> expectedTypes() {
		Map<ColumnType, String> types = new EnumMap<>(ColumnType.class);
		String[] names = switch (kind()) {
			case POSTGRESQL -> new String[] { "INT8", "INT4", "INT8", "INT2", "NUMERIC", "FLOAT4", "FLOAT8", "BOOL",
					"VARCHAR", "TEXT", "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "UUID", "JSONB", "BYTEA" };
			case MARIADB -> new String[] { "BIGINT", "INT", "BIGINT", "SMALLINT", "DECIMAL", "FLOAT", "DOUBLE",
					"BOOLEAN", "VARCHAR", "LONGTEXT", "DATE", "TIME", "DATETIME", "TIMESTAMP", "CHAR", "LONGTEXT",
					"LONGBLOB" };
			case H2 -> new String[] { "BIGINT", "INTEGER", "BIGINT", "SMALLINT", "NUMERIC", "REAL", "DOUBLE PRECISION",
					"BOOLEAN", "CHARACTER VARYING", "CHARACTER VARYING", "DATE", "TIME", "TIMESTAMP",
					"TIMESTAMP WITH TIME ZONE", "UUID", "JSON", "BINARY VARYING" };
			case SQLITE -> new String[] { "INTEGER", "INTEGER", "BIGINT", "SMALLINT", "DECIMAL", "FLOAT", "DOUBLE",
					"BOOLEAN", "VARCHAR", "TEXT", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "CHAR",
					"TEXT", "BLOB" };
		};
		for (ColumnType type : ColumnType.values()) {
			types.put(type, names[type.ordinal()]);
		}
		return types;
	}

	/**
	 * Return a column's default as the database reports it, normalised across databases:
	 * lower case, without PostgreSQL's casts, MariaDB's {@code NULL} for no default or
	 * the parentheses of function calls.
	 */
	static @Nullable String defaultOf(Column column) {
		String value = column.defaultValue();
		if (value == null || value.equalsIgnoreCase("NULL")) {
			return null;
		}
		value = value.replaceAll("::[a-z ]+$", "").replace("()", "");
		return value.startsWith("'") ? value : value.toLowerCase(Locale.ROOT);
	}

	String quote(String identifier) {
		return switch (kind()) {
			case MARIADB -> "`" + identifier + "`";
			case H2 -> "\"" + identifier.toUpperCase(java.util.Locale.ROOT) + "\"";
			default -> "\"" + identifier + "\"";
		};
	}

	String insert(String table, String... columns) {
		return "INSERT INTO " + quote(table) + " ("
				+ String.join(", ", Arrays.stream(columns).map(this::quote).toList()) + ")";
	}

	/**
	 * Execute a statement with foreign keys enforced, which SQLite does only when asked.
	 */
	void withForeignKeys(String sql) {
		if (kind() == DatabaseKind.SQLITE) {
			this.database.execute("PRAGMA foreign_keys = ON", sql);
		}
		else {
			this.database.execute(sql);
		}
	}

	String tableDefinitionInSqlite(String table) {
		try (Connection connection = this.database.dataSource().getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
