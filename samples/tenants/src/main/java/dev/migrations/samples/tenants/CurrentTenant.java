package dev.migrations.samples.tenants;

import java.util.function.Supplier;

import dev.migrations.runner.MigrationTarget;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.jspecify.annotations.Nullable;

/**
 * The tenant the current thread works for, as Hibernate asks for it when a session opens.
 * Thread-safe: each thread has its own tenant.
 */
public final class CurrentTenant implements CurrentTenantIdentifierResolver<String> {

	private static final ThreadLocal<@Nullable String> TENANT = new ThreadLocal<>();

	/**
	 * Run an action as a tenant: every session it opens works in the tenant's schema.
	 * @param <T> the type of the action's result
	 * @param tenant the tenant, which is the name of its schema
	 * @param action the action
	 * @return the action's result
	 * @throws dev.migrations.MigrationDefinitionException if the tenant is not a plain
	 * identifier
	 */
	public static <T> T as(String tenant, Supplier<T> action) {
		String previous = TENANT.get();
		TENANT.set(MigrationTarget.schema(tenant).name());
		try {
			return action.get();
		}
		finally {
			TENANT.set(previous);
		}
	}

	@Override
	public String resolveCurrentTenantIdentifier() {
		String tenant = TENANT.get();
		if (tenant == null) {
			throw new IllegalStateException("No current tenant: open sessions inside CurrentTenant.as(tenant, action)");
		}
		return tenant;
	}

	@Override
	public boolean validateExistingCurrentSessions() {
		return true;
	}

}
