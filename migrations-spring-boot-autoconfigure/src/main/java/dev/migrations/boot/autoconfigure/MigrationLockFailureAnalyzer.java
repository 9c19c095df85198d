package dev.migrations.boot.autoconfigure;

import dev.migrations.lock.MigrationLockException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a migration lock that could not be acquired at startup, typically because
 * another instance of the application is applying migrations.
 */
class MigrationLockFailureAnalyzer extends AbstractFailureAnalyzer<MigrationLockException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationLockException cause) {
		String action = "Another process is applying migrations to the same database: wait for it to finish and "
				+ "start the application again, or raise migrations.lock-timeout. If no such process is running, "
				+ "its database session still holds the lock; end that session and the lock is released.";
		return new FailureAnalysis(FailureMessage.of(cause).description(), action, cause);
	}

}
