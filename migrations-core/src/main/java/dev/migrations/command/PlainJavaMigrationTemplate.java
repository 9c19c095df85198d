package dev.migrations.command;

import dev.migrations.MigrationId;

/**
 * A {@link dev.migrations.Migration} class that depends on the core alone: the id is a
 * constant of the class, which scanning reads, also for
 * {@code MigrationEntry.of(ID, new ...())}.
 */
final class PlainJavaMigrationTemplate implements MigrationTemplate {

	static final PlainJavaMigrationTemplate INSTANCE = new PlainJavaMigrationTemplate();

	private PlainJavaMigrationTemplate() {
	}

	@Override
	public String javaSource(String packageName, String className, MigrationId id) {
		return """
				package %1$s;

				import dev.migrations.Migration;
				import dev.migrations.MigrationId;
				import dev.migrations.schema.Schema;

				/**
				 * Found by scanning in a package a classpath location names, with ID as its id;
				 * elsewhere, register with {@code MigrationEntry.of(%2$s.ID, new %2$s())}.
				 */
				public class %2$s implements Migration {

					public static final MigrationId ID = MigrationId.parse("%3$s");

					@Override
					public void up(Schema schema) {
						// record the change, for example schema.sql("...")
					}

					@Override
					public void down(Schema schema) {
						// record how to undo it, or delete this method if it cannot be undone
					}

				}
				""".formatted(packageName, className, id);
	}

}
