package dev.migrations.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifier for a {@link DataSource} dedicated to migrations, typically one whose user
 * has DDL rights the application's own DataSource lacks. When such a bean exists, the
 * auto-configured runner uses it instead of the application's DataSource. If it is the
 * only DataSource bean, mark the application's DataSource {@code @Primary}, since
 * defining any DataSource bean makes Spring Boot's DataSource auto-configuration back
 * off.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface MigrationsDataSource {

}
