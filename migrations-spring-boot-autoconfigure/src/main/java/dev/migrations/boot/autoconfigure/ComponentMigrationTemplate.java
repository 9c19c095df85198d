package dev.migrations.boot.autoconfigure;

import dev.migrations.command.MigrationTemplate;

/**
 * The class {@code java -jar app.jar make:migration NAME --java} writes: a
 * {@link dev.migrations.Migration} component with its {@link MigrationBean}, in
 * {@code db.migrations}: found by scanning the package of the default location, or as a
 * bean where component scanning reaches it, and registered once either way.
 */
final class ComponentMigrationTemplate implements MigrationTemplate {

	@Override
	public String javaSource(String packageName, String className, dev.migrations.MigrationId id) {
		return """
				package %s;

				import dev.migrations.Migration;
				import dev.migrations.boot.autoconfigure.MigrationBean;
				import dev.migrations.schema.Schema;
				import org.springframework.stereotype.Component;

				@Component
				@MigrationBean("%s")
				public class %s implements Migration {

					@Override
					public void up(Schema schema) {
						// record the change, for example schema.sql("...")
					}

					@Override
					public void down(Schema schema) {
						// record how to undo it, or delete this method if it cannot be undone
					}

				}
				""".formatted(packageName, id, className);
	}

}
