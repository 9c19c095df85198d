package dev.migrations.boot.autoconfigure;

import java.util.Set;

import dev.migrations.runner.MigrationRunner;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link MigrationsInitializer} and
 * {@link MigrationRunner} beans, so that JPA, JdbcTemplate, jOOQ and beans marked
 * {@code @DependsOnDatabaseInitialization} are created only after migrations ran.
 */
class MigrationsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationsInitializer.class, MigrationRunner.class);
	}

}
