package dev.migrations.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips a test of a class {@link OnDatabase} PostgreSQL or MariaDB when there is no
 * server for it, or fails it with {@code MIGRATIONS_TEST_REQUIRE_DATABASES=true}, before
 * its instance is created (finding the server, and starting it where it is embedded, once
 * per JVM). A test whose instance needs the database, such as a Spring test whose
 * application context connects to it, is so reported as skipped with the reason rather
 * than as a context that failed to load, and leaves nothing to drop.
 */
final class ServerAvailability implements TestInstancePreConstructCallback {

	@Override
	public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
		AnnotationSupport.findAnnotation(factoryContext.getTestClass(), OnDatabase.class)
			.map(OnDatabase::value)
			.filter((kind) -> kind.environmentVariable() != null)
			.ifPresent(DatabaseServers::adminUrl);
	}

}
