package dev.migrations.test.spring;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.migrations.test.DatabaseTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Registers the post-processor that replaces every DataSource bean with a
 * {@link MigratedDataSource} on a template defined by the application's environment.
 * Equal for equal annotations, so that test classes with the same configuration share a
 * cached context.
 */
final class MigratedDatabaseContextCustomizer implements ContextCustomizer {

	private static final String BEAN_NAME = MigratedDatabaseContextCustomizer.class.getName() + ".replacer";

	private final String url;

	private final String urlVariable;

	private final String variableValue;

	/**
	 * Create a customizer.
	 * @param url the annotation's URL
	 * @param urlVariable the name of the property or variable that holds the URL
	 * @param variableValue its value in this JVM when the test class was read, so that a
	 * context cached for one server is not reused for another
	 */
	MigratedDatabaseContextCustomizer(String url, String urlVariable, String variableValue) {
		this.url = url;
		this.urlVariable = urlVariable;
		this.variableValue = variableValue;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		if (!(context instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@AutoConfigureMigratedDatabase needs an application context that "
					+ "registers bean definitions, such as the one @SpringBootTest creates");
		}
		Environment environment = context.getEnvironment();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		RootBeanDefinition definition = new RootBeanDefinition(DataSourceReplacer.class,
				() -> new DataSourceReplacer((dataSourceName) -> template(environment, beanFactory, dataSourceName)));
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		registry.registerBeanDefinition(BEAN_NAME, definition);
	}

	/**
	 * Return the template of a DataSource bean: on the server the annotation names, or
	 * the application's, with the application's locations, ledger table and, when the
	 * starter is on the class path, the Java migrations and placeholders the bean's
	 * runner has.
	 */
	private DatabaseTemplate template(Environment environment, ConfigurableListableBeanFactory beanFactory,
			String dataSourceName) {
		DatabaseTemplate template = locationsTemplate(environment);
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		boolean starter = ApplicationMigrations
			.arePresent((classLoader != null) ? classLoader : getClass().getClassLoader());
		return starter ? ApplicationMigrations.addTo(template, beanFactory, dataSourceName) : template;
	}

	private DatabaseTemplate locationsTemplate(Environment environment) {
		DatabaseTemplate template;
		String url = StringUtils.hasText(this.url) ? this.url : environment.getProperty(this.urlVariable);
		if (StringUtils.hasText(url)) {
			template = DatabaseTemplate.of(url);
		}
		else {
			String applicationUrl = environment.getProperty("spring.datasource.url");
			if (!StringUtils.hasText(applicationUrl)) {
				throw new IllegalStateException("@AutoConfigureMigratedDatabase found no database server: set "
						+ this.urlVariable + " or spring.datasource.url to the JDBC URL of a database on a server "
						+ "whose user may create databases, or name the URL in the annotation");
			}
			template = DatabaseTemplate.of(applicationUrl, environment.getProperty("spring.datasource.username"),
					environment.getProperty("spring.datasource.password"));
		}
		String[] locations = environment.getProperty("migrations.locations", String[].class);
		if (locations != null && locations.length > 0) {
			template = template.withLocations(locations);
		}
		String table = environment.getProperty("migrations.table");
		return StringUtils.hasText(table) ? template.withTable(table) : template;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof MigratedDatabaseContextCustomizer customizer && this.url.equals(customizer.url)
				&& this.urlVariable.equals(customizer.urlVariable)
				&& this.variableValue.equals(customizer.variableValue);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.url, this.urlVariable, this.variableValue);
	}

	/**
	 * Replaces each DataSource bean, once created, with a {@link MigratedDataSource}: the
	 * one the application configures, or the embedded one of
	 * {@code @AutoConfigureTestDatabase}, which is then never connected to; the
	 * replacement's pools take their settings from the application's. Drops their copies
	 * when the context closes: the context destroys the beans it created, not their
	 * replacements.
	 */
	static final class DataSourceReplacer implements BeanPostProcessor, DisposableBean {

		private final Function<String, DatabaseTemplate> templates;

		private final List<MigratedDataSource> replacements = new CopyOnWriteArrayList<>();

		/**
		 * Create a replacer.
		 * @param templates the template of each DataSource bean, by its name, resolved at
		 * its first copy: by then the context has created the beans that define it
		 */
		DataSourceReplacer(Function<String, DatabaseTemplate> templates) {
			this.templates = templates;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof DataSource dataSource && !(bean instanceof MigratedDataSource)) {
				MigratedDataSource replacement = new MigratedDataSource(
						SingletonSupplier.of(() -> this.templates.apply(beanName)), CopyConnections.like(dataSource));
				this.replacements.add(replacement);
				return replacement;
			}
			return bean;
		}

		@Override
		public void destroy() {
			this.replacements.forEach(MigratedDataSource::release);
		}

	}

}
