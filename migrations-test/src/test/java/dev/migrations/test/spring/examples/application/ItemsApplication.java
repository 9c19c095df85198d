package dev.migrations.test.spring.examples.application;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrations.Migration;
import dev.migrations.MigrationListener;
import dev.migrations.boot.autoconfigure.MigrationBean;
import dev.migrations.test.spring.examples.Recording;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application whose migrations are SQL files, a Migration bean whose id sits between
 * two of them, a Java migration found by scanning {@code migrations.java-packages} and a
 * placeholder; it records the migrations its own runner applies.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ItemsApplication {

	/** The application's configuration of migrations. */
	public static final String LOCATIONS = "migrations.locations=classpath:db/testmod/items";

	/** The package scanned for Java migrations. */
	public static final String JAVA_PACKAGES = "migrations.java-packages=dev.migrations.test.spring.examples.application.scanned";

	/** The value of the placeholder of the SQL migrations. */
	public static final String PLACEHOLDER = "migrations.placeholders.default_price=5";

	/** The name the scanned migration gives its item. */
	public static final String DEFAULT_NAME = "items.default-name=default";

	/** The runs of the Migration bean in this JVM: once per template. */
	public static final AtomicInteger SEED_RUNS = new AtomicInteger();

	/** The ids of the migrations the application's runner applied, in this JVM. */
	public static final List<String> APPLIED_BY_APPLICATION = new CopyOnWriteArrayList<>();

	@Bean
	@MigrationBean("m_20240301000200_seed_items")
	Migration seedItems() {
		return Recording.counted(SEED_RUNS, "INSERT INTO items (id, name) VALUES (1, 'seeded')",
				"DELETE FROM items WHERE id = 1");
	}

	@Bean
	MigrationListener appliedMigrations() {
		return Recording.applied(APPLIED_BY_APPLICATION);
	}

}
