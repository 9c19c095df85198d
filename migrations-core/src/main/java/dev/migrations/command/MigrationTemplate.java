package dev.migrations.command;

import dev.migrations.Migration;
import dev.migrations.MigrationId;

/**
 * The source of the Java class {@code make:migration NAME --java} writes. The front end
 * supplies it, since how a Java migration is registered depends on where it runs: a plain
 * Java program passes it to the runner itself ({@link #plainJava()}), a framework may
 * find it by an annotation. Implementations are expected to be thread-safe.
 */
@FunctionalInterface
public interface MigrationTemplate {

	/**
	 * Write the source of a new {@link Migration} class whose {@code up} and {@code down}
	 * are still to be written.
	 * @param packageName the package of the class, such as {@code db.migrations}
	 * @param className the simple name of the class, such as {@code CreateUsers}
	 * @param id the id of the migration
	 * @return the content of the {@code .java} file
	 */
	String javaSource(String packageName, String className, MigrationId id);

	/**
	 * Return the template of a plain Java migration: a class that implements
	 * {@link Migration} and names its id in a constant, to register with
	 * {@code MigrationEntry.of(CreateUsers.ID, new CreateUsers())}.
	 * @return the template
	 */
	static MigrationTemplate plainJava() {
		return PlainJavaMigrationTemplate.INSTANCE;
	}

}
