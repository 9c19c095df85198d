package dev.migrations.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database a concrete test class runs on. For PostgreSQL and MariaDB each test of the
 * class is skipped with the reason when there is no server (or fails, with
 * {@code MIGRATIONS_TEST_REQUIRE_DATABASES=true}) before its instance is created; see
 * {@link ServerAvailability}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(ServerAvailability.class)
public @interface OnDatabase {

	DatabaseKind value();

}
