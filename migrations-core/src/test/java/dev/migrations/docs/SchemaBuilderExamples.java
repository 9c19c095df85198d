package dev.migrations.docs;

import java.util.List;

import dev.migrations.MigrationEntry;
import dev.migrations.schema.ReferentialAction;

/**
 * The schema builder examples of docs/schema-builder.md, as the page shows them.
 */
final class SchemaBuilderExamples {

	private SchemaBuilderExamples() {
	}

	static List<MigrationEntry> entries() {
		MigrationEntry createPosts = MigrationEntry.of("m_20241201000000_create_posts", schema -> {
			schema.create("posts", t -> {
				t.id(); // BIGINT auto-increment primary key
				t.foreignId("user_id")
					.constrained() // references users (id)
					.onDelete(ReferentialAction.CASCADE);
				t.string("title", 200);
				t.text("body").nullable();
				t.booleanColumn("published").defaultValue(false);
				t.timestamps(); // created_at, updated_at (nullable)
				t.index("user_id", "published"); // posts_user_id_published_index
			});
		});

		MigrationEntry addDisplayName = MigrationEntry.of("m_20241202000000_add_display_name",
				schema -> schema.table("users", t -> {
					t.string("display_name", 100).nullable();
					t.renameColumn("name", "full_name");
					t.unique("email"); // users_email_unique
				}));
		return List.of(createPosts, addDisplayName);
	}

}
