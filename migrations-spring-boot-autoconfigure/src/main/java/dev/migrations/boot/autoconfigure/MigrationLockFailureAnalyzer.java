package dev.migrations.boot.autoconfigure;

import dev.migrations.lock.MigrationLockTimeoutException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a migration lock that another process still held when the lock timeout ran out
 * at startup, typically another instance of the application applying migrations. Other
 * lock failures, such as a connection that cannot be opened, carry their own next step
 * and are explained by {@link MigrationFailureAnalyzer}.
 */
class MigrationLockFailureAnalyzer extends MaskingFailureAnalyzer<MigrationLockTimeoutException> {

	MigrationLockFailureAnalyzer(Environment environment) {
		super(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationLockTimeoutException cause) {
		String action = "Another process is applying migrations to the same database: wait for it to finish and "
				+ "start the application again, or raise migrations.lock-timeout. If no such process is running, "
				+ "its database session still holds the lock; end that session and the lock is released.";
		return new FailureAnalysis(cause.description(), action, cause);
	}

}
