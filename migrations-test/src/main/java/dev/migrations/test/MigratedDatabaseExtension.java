package dev.migrations.test;

import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.jspecify.annotations.Nullable;

/**
 * The JUnit extension behind {@link MigratedDatabase}; also usable on its own, with
 * {@code @RegisterExtension} on a static field, for a template defined in code (a
 * Testcontainers container's URL and credentials, Java migrations, placeholders). Makes a
 * copy before the class or before each method, resolves {@link DataSource} and
 * {@link DatabaseCopy} parameters, and drops the copy afterwards. Thread-safe.
 */
public final class MigratedDatabaseExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(MigratedDatabaseExtension.class);

	private static final String COPY = "copy";

	private final @Nullable DatabaseTemplate template;

	private final CopyMode mode;

	/**
	 * Create the extension that {@link MigratedDatabase} registers, which reads the
	 * annotation of the test class.
	 */
	public MigratedDatabaseExtension() {
		this.template = null;
		this.mode = CopyMode.PER_CLASS;
	}

	/**
	 * Create an extension for a template defined in code.
	 * @param template the template
	 * @param mode whether each method gets its own copy
	 */
	public MigratedDatabaseExtension(DatabaseTemplate template, CopyMode mode) {
		this.template = template;
		this.mode = mode;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (mode(context) == CopyMode.PER_CLASS) {
			context.getStore(NAMESPACE).put(COPY, template(context).copy());
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (mode(context) == CopyMode.PER_METHOD) {
			context.getStore(NAMESPACE).put(COPY, template(context).copy());
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (mode(context) == CopyMode.PER_METHOD) {
			close(context);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (mode(context) == CopyMode.PER_CLASS) {
			close(context);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == DataSource.class || type == DatabaseCopy.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		DatabaseCopy copy = extensionContext.getStore(NAMESPACE).get(COPY, DatabaseCopy.class);
		if (copy == null) {
			throw new ParameterResolutionException("No migrated database copy exists yet for "
					+ parameterContext.getDeclaringExecutable() + ": with CopyMode.PER_METHOD a copy is made before "
					+ "each test method, so take it as a parameter of the test method or of a @BeforeEach method, "
					+ "not of the constructor or a @BeforeAll method");
		}
		return (parameterContext.getParameter().getType() == DataSource.class) ? copy.dataSource() : copy;
	}

	private static void close(ExtensionContext context) {
		DatabaseCopy copy = context.getStore(NAMESPACE).remove(COPY, DatabaseCopy.class);
		if (copy != null) {
			copy.close();
		}
	}

	private CopyMode mode(ExtensionContext context) {
		return annotation(context).map(MigratedDatabase::mode).orElse(this.mode);
	}

	private DatabaseTemplate template(ExtensionContext context) {
		if (this.template != null) {
			return this.template;
		}
		MigratedDatabase annotation = annotation(context)
			.orElseThrow(() -> new IllegalStateException("MigratedDatabaseExtension without a template needs "
					+ "@MigratedDatabase on the test class, or construct it with a DatabaseTemplate"));
		String url = annotation.url();
		if (url.isBlank()) {
			String variable = annotation.urlVariable();
			url = context.getConfigurationParameter(variable)
				.or(() -> Optional.ofNullable(System.getenv(variable)))
				.filter((value) -> !value.isBlank())
				.orElseThrow(() -> new IllegalStateException(DatabaseTemplate.missingUrl(variable)));
		}
		return DatabaseTemplate.of(url).withLocations(annotation.locations()).withTable(annotation.table());
	}

	private Optional<MigratedDatabase> annotation(ExtensionContext context) {
		if (this.template != null) {
			return Optional.empty();
		}
		for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
			Optional<MigratedDatabase> annotation = AnnotationSupport.findAnnotation(type, MigratedDatabase.class);
			if (annotation.isPresent()) {
				return annotation;
			}
		}
		return Optional.empty();
	}

}
