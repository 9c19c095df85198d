package dev.migrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.migrations.DescriptorFactory;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationEntry;
import dev.migrations.schema.TableOperation.AddColumn;
import dev.migrations.schema.TableOperation.AddForeignKey;
import dev.migrations.schema.TableOperation.AddIndex;
import dev.migrations.schema.TableOperation.CreateTable;
import dev.migrations.schema.TableOperation.DropColumn;
import dev.migrations.schema.TableOperation.DropForeignKey;
import dev.migrations.schema.TableOperation.DropIndex;
import dev.migrations.schema.TableOperation.DropTable;
import dev.migrations.schema.TableOperation.RenameColumn;
import dev.migrations.schema.TableOperation.RenameTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the schema builder records: canonical text, inverses, names and validation. The
 * rendering on real databases is covered by the schema conformance suite.
 */
class SchemaBuilderTests {

	@Test
	void recordsDialectNeutralCanonicalTextOfACreatedTable() {
		Schema schema = new Schema("test");
		schema.create("posts", (t) -> {
			t.id();
			t.foreignId("user_id").constrained().onDelete(ReferentialAction.CASCADE);
			t.string("title", 200).comment("shown in lists");
			t.decimal("price", 8, 2).defaultValue(9.5);
			t.booleanColumn("published").defaultValue(false);
			t.timestamp("seen_at").nullable().defaultExpression("CURRENT_TIMESTAMP");
			t.string("slug").unique();
			t.index("user_id", "published");
		});
		assertThat(schema.operations()).singleElement()
			.extracting(SchemaOperation::canonical)
			.isEqualTo("create table posts (id bigIncrements notNull primary, user_id bigInteger notNull, "
					+ "title string(200) notNull comment('shown in lists'), price decimal(8, 2) notNull default(9.5), "
					+ "published boolean notNull default(false), "
					+ "seen_at timestamp nullable defaultExpression(CURRENT_TIMESTAMP), slug string(255) notNull, "
					+ "unique posts_slug_unique (slug), index posts_user_id_published_index (user_id, published), "
					+ "foreign posts_user_id_foreign (user_id) references users (id) onDelete cascade)");
	}

	@Test
	void checksumChangesWhenAnyColumnDefinitionChanges() {
		Map<String, Consumer<Blueprint>> variants = new LinkedHashMap<>();
		variants.put("base", (t) -> t.string("email", 255));
		variants.put("name", (t) -> t.string("mail", 255));
		variants.put("length", (t) -> t.string("email", 254));
		variants.put("type", (t) -> t.text("email"));
		variants.put("nullable", (t) -> t.string("email", 255).nullable());
		variants.put("default", (t) -> t.string("email", 255).defaultValue("x"));
		variants.put("other default", (t) -> t.string("email", 255).defaultValue("y"));
		variants.put("default expression", (t) -> t.string("email", 255).defaultExpression("'x'"));
		variants.put("unique", (t) -> t.string("email", 255).unique());
		variants.put("primary", (t) -> t.string("email", 255).primary());
		variants.put("comment", (t) -> t.string("email", 255).comment("x"));
		variants.put("index", (t) -> {
			t.string("email", 255);
			t.index("email");
		});
		variants.put("named index", (t) -> {
			t.string("email", 255);
			t.index("email").name("by_email");
		});
		variants.put("integer default", (t) -> t.integer("email").defaultValue(1));
		variants.put("other integer default", (t) -> t.integer("email").defaultValue(2));
		variants.put("decimal", (t) -> t.decimal("email", 8, 2));
		variants.put("decimal scale", (t) -> t.decimal("email", 8, 3));
		variants.put("foreign key", (t) -> t.foreignId("email").constrained("users"));
		variants.put("foreign key action",
				(t) -> t.foreignId("email").constrained("users").onDelete(ReferentialAction.CASCADE));
		Map<String, String> checksums = new LinkedHashMap<>();
		variants.forEach((name, definition) -> {
			Schema schema = new Schema("test");
			schema.create("users", (t) -> {
				t.integer("n");
				definition.accept(t);
			});
			checksums.put(name, DescriptorFactory.checksum(schema.operations()));
		});
		assertThat(checksums.values()).doesNotHaveDuplicates();
		Schema again = new Schema("other owner");
		again.create("users", (t) -> {
			t.integer("n");
			t.string("email", 255);
		});
		assertThat(DescriptorFactory.checksum(again.operations())).isEqualTo(checksums.get("base"));
	}

	@Test
	void derivesTheDownPlanFromInversesInReverseOrder() {
		Migration migration = (schema) -> {
			schema.create("teams", (t) -> t.id());
			schema.table("users", (t) -> {
				t.foreignId("team_id").nullable();
				t.index("team_id");
				t.foreign("team_id").references("teams", "id");
				t.renameColumn("name", "full_name");
			});
			schema.rename("users", "members");
		};
		MigrationDescriptor descriptor = MigrationEntry
			.buildDescriptors(List.of(MigrationEntry.of("m_20240101000000_teams", migration)))
			.get(0);
		assertThat(descriptor.reversible()).isTrue();
		assertThat(descriptor.down()).containsExactly(new RenameTable("members", "users"),
				new RenameColumn("users", "full_name", "name"), new DropForeignKey("users", "users_team_id_foreign"),
				new DropIndex("users", "users_team_id_index"), new DropColumn("users", "team_id"),
				new DropTable("teams", false));
	}

	@Test
	void makesAMigrationWithAnIrreversibleOperationIrreversible() {
		for (Consumer<Schema> irreversible : List.<Consumer<Schema>>of((schema) -> schema.drop("users"),
				(schema) -> schema.dropIfExists("users"), (schema) -> schema.sql("DELETE FROM users"),
				(schema) -> schema.jdbc((connection) -> {
				}), (schema) -> schema.table("users", (t) -> t.dropColumn("name")),
				(schema) -> schema.table("users", (t) -> t.dropIndex("users_name_index")),
				(schema) -> schema.table("users", (t) -> t.dropForeign("users_team_id_foreign")),
				(schema) -> schema.table("users", (t) -> t.string("name").nullable().change()))) {
			Migration migration = (schema) -> {
				schema.create("teams", (t) -> t.id());
				irreversible.accept(schema);
			};
			MigrationDescriptor descriptor = MigrationEntry
				.buildDescriptors(List.of(MigrationEntry.of("m_20240101000000_mixed", migration)))
				.get(0);
			assertThat(descriptor.reversible()).isFalse();
			assertThat(descriptor.irreversibleReason()).contains("cannot be reversed automatically");
		}
	}

	@Test
	void inversesOfReversibleOperationsUndoThem() {
		Column column = new Column("bio", ColumnType.TEXT, 0, 0, 0, true, null, null, false, null);
		Index index = new Index("users_bio_index", List.of("bio"), false);
		ForeignKey key = new ForeignKey("users_team_id_foreign", List.of("team_id"), "teams", List.of("id"), null,
				null);
		assertThat(new AddColumn("users", column).inverse()).isEqualTo(new DropColumn("users", "bio"));
		assertThat(new AddIndex("users", index).inverse()).isEqualTo(new DropIndex("users", "users_bio_index"));
		assertThat(new AddForeignKey("users", key).inverse())
			.isEqualTo(new DropForeignKey("users", "users_team_id_foreign"));
		assertThat(new RenameTable("a", "b").inverse()).isEqualTo(new RenameTable("b", "a"));
		assertThat(new CreateTable("users", List.of(column), List.of(), List.of(), List.of()).inverse())
			.isEqualTo(new DropTable("users", false));
	}

	@Test
	void namesIndexesAndForeignKeysDeterministically() {
		Schema schema = new Schema("test");
		schema.table("users", (t) -> {
			t.index("a", "b");
			t.unique("email");
			t.foreign("team_id").references("teams", "id");
			t.index("a_very_long_column_name_that_goes_on", "and_another_long_column_name");
		});
		List<String> names = new ArrayList<>();
		for (SchemaOperation operation : schema.operations()) {
			names.add((operation instanceof AddIndex add) ? add.index().name()
					: ((AddForeignKey) operation).foreignKey().name());
		}
		assertThat(names).containsExactly("users_a_b_index", "users_email_unique", "users_team_id_foreign",
				"users_a_very_long_column_name_that_goes_on_and_anot_222ad118");
		assertThat(names.get(3)).hasSize(60);
	}

	@Test
	void guessesTheReferencedTableOfAForeignId() {
		assertThat(ColumnDefinition.guessTable("team_id")).isEqualTo("teams");
		assertThat(ColumnDefinition.guessTable("category_id")).isEqualTo("categories");
		assertThat(ColumnDefinition.guessTable("box_id")).isEqualTo("boxes");
		assertThat(ColumnDefinition.guessTable("day_id")).isEqualTo("days");
		assertThatIllegalArgumentException().isThrownBy(() -> ColumnDefinition.guessTable("owner"))
			.withMessageContaining("constrained(table)");
	}

	@Test
	void rejectsIdentifiersThatAreNotPlainNames() {
		Schema schema = new Schema("test");
		for (String name : List.of("users; DROP TABLE x", "1users", "", "us\"ers", "a".repeat(64), "name with space")) {
			assertThatIllegalArgumentException().isThrownBy(() -> schema.create(name, (t) -> t.id()))
				.withMessageContaining("Invalid table name");
			assertThatIllegalArgumentException().isThrownBy(() -> schema.create("users", (t) -> t.integer(name)))
				.withMessageContaining("Invalid column name");
			assertThatIllegalArgumentException()
				.isThrownBy(
						() -> schema.create("users", (t) -> t.integer("a").unique().equals(t.index("a").name(name))))
				.withMessageContaining("Invalid index name");
		}
		assertThat(schema.operations()).isEmpty();
	}

	@Test
	void refusesAlterationsWhileCreatingAndCompositeKeysWhileAltering() {
		Schema schema = new Schema("test");
		assertThatIllegalStateException().isThrownBy(() -> schema.create("users", (t) -> t.dropColumn("a")))
			.withMessageContaining("dropColumn(...) is only available in schema.table(...)");
		assertThatIllegalStateException().isThrownBy(() -> schema.create("users", (t) -> t.string("a").change()))
			.withMessageContaining("change() is only available in schema.table(...)");
		assertThatIllegalStateException().isThrownBy(() -> schema.table("users", (t) -> t.primary("a", "b")))
			.withMessageContaining("primary(...) is only available in schema.create(...)");
		assertThatIllegalArgumentException().isThrownBy(() -> schema.create("users", (t) -> {
			t.integer("a").primary();
			t.integer("b").primary();
		})).withMessageContaining("t.primary(a, b)");
		assertThatIllegalArgumentException().isThrownBy(() -> schema.create("users", (t) -> t.foreign("team_id")))
			.withMessageContaining("has no references(table, columns...)");
		assertThatIllegalArgumentException().isThrownBy(() -> schema.create("users", (t) -> t.id().nullable()))
			.withMessageContaining("auto-increment");
	}

	@Test
	void reportsAnInvalidDefinitionAsADefinitionErrorOfTheMigration() {
		Migration migration = (schema) -> schema.create("users", (t) -> t.string("email", 0));
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(
				() -> MigrationEntry.buildDescriptors(List.of(MigrationEntry.of("m_20240101000000_users", migration))))
			.withMessageContaining("m_20240101000000_users")
			.withMessageContaining("string(0) of column email is invalid");
	}

	@Test
	void rawSqlThatTheStandardRulesCannotSplitSaysWhereMySqlSyntaxBelongs() {
		Migration migration = (schema) -> schema.sql("INSERT INTO notes (body) VALUES ('it\\'s; here')");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationEntry
				.buildDescriptors(List.of(MigrationEntry.of("m_20240101000000_notes", migration))))
			.withMessageContaining("m_20240101000000_notes")
			.withMessageContaining("Unterminated")
			.withMessageContaining("no MySQL backslash escapes")
			.withMessageContaining("in a .sql file");
	}

}
