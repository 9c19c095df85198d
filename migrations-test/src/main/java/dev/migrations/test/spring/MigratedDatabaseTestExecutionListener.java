package dev.migrations.test.spring;

import javax.sql.DataSource;

import dev.migrations.test.CopyMode;
import org.jspecify.annotations.Nullable;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Gives each test class with {@link AutoConfigureMigratedDatabase}, or each test method
 * with {@link CopyMode#PER_METHOD}, a fresh copy: the first class of a context gets the
 * copy made while the context starts; a later class that reuses the cached context gets a
 * new one. Registered in {@code META-INF/spring.factories}.
 */
class MigratedDatabaseTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// Between the transactions' listener (4000) and the one that closes dirty
		// contexts
		// (3000): their after-methods run in reverse order, so the copy is dropped once
		// the
		// test's transaction is rolled back, and while the context is still open
		return 3500;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		release(testContext, CopyMode.PER_METHOD);
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		release(testContext, CopyMode.PER_CLASS);
	}

	/**
	 * Drop the copy of a test class or method: the next one to use the context, whether
	 * the context is cached or not, gets a new copy.
	 */
	private static void release(TestContext testContext, CopyMode mode) {
		AutoConfigureMigratedDatabase annotation = annotation(testContext);
		if (annotation != null && annotation.mode() == mode && testContext.hasApplicationContext()) {
			for (Object dataSource : testContext.getApplicationContext().getBeansOfType(DataSource.class).values()) {
				if (dataSource instanceof MigratedDataSource migrated) {
					migrated.release();
				}
			}
		}
	}

	private static @Nullable AutoConfigureMigratedDatabase annotation(TestContext testContext) {
		return TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				AutoConfigureMigratedDatabase.class);
	}

}
