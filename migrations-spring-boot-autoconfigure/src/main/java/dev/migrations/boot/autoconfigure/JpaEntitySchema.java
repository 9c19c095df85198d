package dev.migrations.boot.autoconfigure;

import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrations.MigrationException;
import dev.migrations.runner.ShadowSchema;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.jpa.EntityManagerFactoryBuilder;
import org.springframework.boot.jpa.autoconfigure.JpaProperties;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.StringUtils;

/**
 * The schema of an application's JPA entities, as Hibernate creates it with
 * {@code spring.jpa.hibernate.ddl-auto=create}: an entity manager factory is built the
 * way Spring Boot builds the application's own (its {@link EntityManagerFactoryBuilder},
 * with the application's JPA and Hibernate properties, naming strategies and customizers,
 * and the entities it scans), but on the given database, which Hibernate's schema export
 * fills, and is closed again. What {@code java -jar app.jar make:migration NAME
 * --from-entities} writes a migration to; a test can do the same: <pre class="code">
 * GeneratedMigration missing = runner.generate().toSchemaBuiltBy(new JpaEntitySchema(context));
 * assertThat(missing.isEmpty()).isTrue();
 * </pre> Thread-safe.
 */
public final class JpaEntitySchema implements ShadowSchema {

	private static final Map<String, Object> CREATE = Map.of("jakarta.persistence.schema-generation.database.action",
			"create", "hibernate.hbm2ddl.auto", "create-only", "jakarta.persistence.schema-generation.scripts.action",
			"none", "hibernate.hbm2ddl.halt_on_error", "true", "hibernate.hbm2ddl.skip_default_import_file", "true");

	private final ListableBeanFactory beans;

	/**
	 * Create the schema of the entities of an application.
	 * @param beans the application's beans, among them Spring Boot's
	 * {@link EntityManagerFactoryBuilder}
	 */
	public JpaEntitySchema(ListableBeanFactory beans) {
		this.beans = Objects.requireNonNull(beans, "beans must not be null");
	}

	/**
	 * Whether an application has what builds its entity manager factory.
	 */
	static boolean isAvailable(ListableBeanFactory beans) {
		return beans.getBeanNamesForType(EntityManagerFactoryBuilder.class).length > 0;
	}

	/**
	 * Create the tables, indexes and constraints of the application's entities in an
	 * empty database, as Hibernate's schema export does; its {@code import.sql} is not
	 * run.
	 * @param shadow the empty database
	 * @throws MigrationException if the application has no JPA entity manager factory
	 * builder (no JPA auto-configuration)
	 */
	@Override
	public void build(DataSource shadow) {
		if (!isAvailable(this.beans)) {
			throw new MigrationException("The application has no JPA entity manager factory builder, so the schema of "
					+ "its entities cannot be built: a migration from entities needs Spring Boot's JPA "
					+ "auto-configuration (spring-boot-starter-data-jpa)");
		}
		EntityManagerFactoryBuilder.Builder builder = this.beans.getBean(EntityManagerFactoryBuilder.class)
			.dataSource(shadow);
		this.beans.getBeanProvider(PersistenceManagedTypes.class).ifAvailable(builder::managedTypes);
		this.beans.getBeanProvider(JpaProperties.class)
			.ifAvailable((properties) -> builder
				.mappingResources(StringUtils.toStringArray(properties.getMappingResources())));
		LocalContainerEntityManagerFactoryBean factory = builder.properties(CREATE).build();
		factory.afterPropertiesSet();
		try {
			// Waits for a bootstrap in the background, so the schema is complete
			factory.getNativeEntityManagerFactory();
		}
		finally {
			factory.destroy();
		}
	}

}
