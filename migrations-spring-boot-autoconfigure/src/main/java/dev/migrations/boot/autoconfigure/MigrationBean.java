package dev.migrations.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.migrations.Migration;

/**
 * Gives a {@link Migration} bean its id, such as
 * {@code @MigrationBean("m_20241201000000_create_users_table")}. Put it on the bean's
 * class or on its {@code @Bean} method. A {@code Migration} bean without it fails
 * startup.
 *
 * @see dev.migrations.MigrationId#parse(String)
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MigrationBean {

	/**
	 * The id of the migration: a 14-digit UTC timestamp and a snake_case slug, such as
	 * {@code m_20241201000000_create_users_table} (the {@code m_} prefix is optional).
	 * @return the id
	 */
	String value();

	/**
	 * The name of the {@code migrations.instances.<name>} entry that applies this
	 * migration. Leave empty when no instances are configured.
	 * @return the instance name, or empty for the single default runner
	 */
	String instance() default "";

}
