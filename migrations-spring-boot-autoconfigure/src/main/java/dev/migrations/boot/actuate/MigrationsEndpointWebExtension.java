package dev.migrations.boot.actuate;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.boot.autoconfigure.SpringRemedies;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link MigrationsEndpoint}
 * that answers a run the library refuses with what it refused and what to do: 409 for a
 * refusal (an irreversible migration in the range of a rollback, an edited or failed
 * migration in the ledger, a lock another run holds), 500 for a statement the database
 * failed or a migration the library cannot read, each with a body naming the runner, the
 * action, and the error with its next steps, masked as every response of the endpoint is,
 * and logged, at {@code ERROR} for a failure and {@code WARN} for a refusal. The read
 * operations are the endpoint's. The operation declares only
 * {@link OperationResponseBody}, so it registers the bodies it writes for reflection, as
 * a native image needs. Thread-safe.
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsEndpointWebExtension.class);

	private final MigrationsEndpoint endpoint;

	/**
	 * Create the extension of an endpoint.
	 * @param endpoint the endpoint
	 */
	public MigrationsEndpointWebExtension(MigrationsEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Apply, roll back or pretend, as {@link MigrationsEndpoint#migrate} does.
	 * @param action {@code apply}, {@code rollback} or {@code pretend}
	 * @param limit how many migrations to apply at most, or {@code null} for all
	 * @param steps how many batches to roll back, or {@code null}
	 * @param runner the name of the runner bean, needed only when there are several
	 * @return what ran or would run, or why nothing (or not everything) did
	 */
	@WriteOperation
	@RegisterReflectionForBinding({ MigrationsEndpoint.ActionDescriptor.class, RefusalDescriptor.class })
	public WebEndpointResponse<OperationResponseBody> migrate(@Selector String action, @Nullable Integer limit,
			@Nullable Integer steps, @Nullable String runner) {
		try {
			return new WebEndpointResponse<>(this.endpoint.migrate(action, limit, steps, runner));
		}
		catch (MigrationException ex) {
			boolean failed = ex instanceof MigrationExecutionException || ex instanceof MigrationDefinitionException;
			String name = this.endpoint.runnerName(runner);
			String error = this.endpoint.mask(SpringRemedies.endpointMessage(ex));
			// The answer goes to the caller; the log keeps it for whoever runs the
			// application
			if (failed) {
				logger.error("POST /actuator/migrations/{} on {} failed: {}", action, name, error);
			}
			else {
				logger.warn("POST /actuator/migrations/{} on {} was refused: {}", action, name, error);
			}
			return new WebEndpointResponse<>(new RefusalDescriptor(name, action, error),
					failed ? WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR : 409);
		}
	}

	/**
	 * Why a write operation did not run, or did not finish.
	 *
	 * @param runner the name of the runner bean
	 * @param action the action
	 * @param error what the library refused or the database failed, and the next step,
	 * with credentials masked
	 */
	public record RefusalDescriptor(String runner, String action, String error) implements OperationResponseBody {

	}

}
