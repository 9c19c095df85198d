package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import dev.migrations.Migration;
import dev.migrations.boot.autoconfigure.scanned.CreateFarewells;
import dev.migrations.boot.autoconfigure.scanned.M20241201000200_CreateGreetings;
import dev.migrations.schema.Schema;
import dev.migrations.source.MigrationIndex;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsAotProcessor}, run as {@code process-aot} runs it: through
 * {@code META-INF/spring/aot.factories}.
 */
class MigrationsAotProcessorTests {

	@Test
	void writesTheIndexOfTheConfiguredLocationsAndRegistersTheirHints() throws IOException {
		Processed processed = processAheadOfTime("migrations.locations=classpath:db/migrations");
		MigrationIndex index = MigrationIndex.read(new StringReader(processed.index()));
		assertThat(index.locations()).containsExactly("classpath:db/migrations");
		assertThat(processed.index()).contains("\tm_20241201000000_create_users_table\tv1:",
				"\tm_20241201000100_insert_first_user\tv1:");
		assertThat(RuntimeHintsPredicates.resource().forResource(MigrationIndex.RESOURCE)).accepts(processed.hints());
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("db/migrations/20241201000000_create_users_table.down.sql")).accepts(processed.hints());
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(AddColumnMigration.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(processed.hints());
	}

	@Test
	void javaMigrationsFoundByScanningAreRegisteredForReflection() throws IOException {
		Processed processed = processAheadOfTime("migrations.java-packages=dev.migrations.boot.autoconfigure.scanned");
		for (Class<?> type : List.of(M20241201000200_CreateGreetings.class, CreateFarewells.class)) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
						MemberCategory.ACCESS_DECLARED_FIELDS))
				.accepts(processed.hints());
		}
	}

	@Test
	void javaMigrationsInALocationsPackageAreListedInTheIndexSoThatStartUpDoesNotScan() throws IOException {
		Processed processed = processAheadOfTime(
				"migrations.locations=classpath:db/migrations,classpath:dev/migrations/boot/autoconfigure/scanned");
		assertThat(processed.index()).contains("java\t" + CreateFarewells.class.getName(),
				"java\t" + M20241201000200_CreateGreetings.class.getName());
		MigrationIndex index = MigrationIndex.read(new StringReader(processed.index()));
		assertThat(index
			.javaSource(List.of("classpath:dev/migrations/boot/autoconfigure/scanned"), List.of(), "h2",
					getClass().getClassLoader())
			.findClasses()).contains(CreateFarewells.class, M20241201000200_CreateGreetings.class);
	}

	@Test
	void aVendorLocationIsIndexedForTheFolderOfEachDatabase() throws IOException {
		Processed processed = processAheadOfTime("migrations.locations=classpath:db/vendor/{vendor}");
		assertThat(MigrationIndex.read(new StringReader(processed.index())).locations())
			.contains("classpath:db/vendor/h2", "classpath:db/vendor/postgresql", "classpath:db/vendor/mariadb");
		assertThat(RuntimeHintsPredicates.resource().forResource("db/vendor/postgresql/20240101000000_x.sql"))
			.accepts(processed.hints());
	}

	@Test
	void indexesTheLocationsOfEachInstance() {
		MigrationsProperties properties = new MigrationsProperties();
		MigrationsProperties.Instance orders = new MigrationsProperties.Instance();
		orders.setLocations(List.of("classpath:db/orders"));
		properties.getInstances().putAll(Map.of("orders", orders, "reporting", new MigrationsProperties.Instance()));
		assertThat(MigrationsAotProcessor.locations(properties)).containsExactlyInAnyOrder("classpath:db/orders",
				"classpath:db/migrations/reporting");
	}

	@Test
	void anApplicationWithInstancesIsProcessedWithTheLocationsOfEachInstance() throws IOException {
		Processed processed = processAheadOfTime("migrations.instances.orders.locations=classpath:db/orders",
				"migrations.instances.reporting.locations=classpath:db/reporting");
		assertThat(MigrationIndex.read(new StringReader(processed.index())).locations())
			.containsExactlyInAnyOrder("classpath:db/orders", "classpath:db/reporting");
		String generated = processed.files()
			.getGeneratedFiles(Kind.SOURCE)
			.values()
			.stream()
			.map(Processed::text)
			.filter((source) -> source.contains("BeanDefinition getOrdersMigrationRunnerBeanDefinition()"))
			.findFirst()
			.orElseThrow();
		assertThat(generated).as("the code that registers the runners keeps the order they are applied in")
			.contains("setAttribute(\"order\", 0)")
			.contains("setAttribute(\"order\", 1)");
	}

	@Test
	void contributesNothingWhenMigrationsAreDisabled() {
		Processed processed = processAheadOfTime("migrations.enabled=false");
		assertThat(processed.files().getGeneratedFile(Kind.RESOURCE, MigrationIndex.RESOURCE)).isNull();
	}

	private Processed processAheadOfTime(String... properties) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			TestPropertyValues.of("spring.datasource.url=jdbc:h2:mem:aot-processing").and(properties).applyTo(context);
			context.register(MigrationsApplication.class);
			InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new org.springframework.aot.generate.ClassNameGenerator(
							ClassName.get("com.example", "Application")),
					files);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			generationContext.writeGeneratedContent();
			return new Processed(files, generationContext.getRuntimeHints());
		}
	}

	private record Processed(InMemoryGeneratedFiles files, RuntimeHints hints) {

		static String text(InputStreamSource source) {
			try {
				return new String(source.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

		String index() throws IOException {
			InputStreamSource index = this.files.getGeneratedFile(Kind.RESOURCE, MigrationIndex.RESOURCE);
			assertThat(index).as("the generated index").isNotNull();
			return new String(index.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class MigrationsApplication {

		@Bean
		@MigrationBean("m_20241201000200_add_user_email")
		AddColumnMigration addUserEmail() {
			return new AddColumnMigration();
		}

	}

	static class AddColumnMigration implements Migration {

		@Override
		public void up(Schema schema) {
			schema.sql("ALTER TABLE users ADD COLUMN email VARCHAR(100)");
		}

	}

}
