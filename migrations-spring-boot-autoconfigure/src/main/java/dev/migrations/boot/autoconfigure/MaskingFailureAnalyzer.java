package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.Credentials;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A failure analyzer whose description and action carry no credential, not even one of
 * the configured passwords ({@link MigrationsSecrets}): both quote what the database
 * said, and a ledger row may hold an error recorded before it was masked.
 *
 * @param <T> the type of failure it explains
 */
abstract class MaskingFailureAnalyzer<T extends Throwable> extends AbstractFailureAnalyzer<T> {

	private final List<String> secrets;

	MaskingFailureAnalyzer(Environment environment) {
		this.secrets = MigrationsSecrets.of(environment);
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = super.analyze(failure);
		if (analysis == null) {
			return null;
		}
		return new FailureAnalysis(mask(analysis.getDescription()), mask(analysis.getAction()), analysis.getCause());
	}

	private @Nullable String mask(@Nullable String text) {
		return Credentials.mask(text, this.secrets);
	}

}
