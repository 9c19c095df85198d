package dev.migrations.samples.tenants;

import javax.sql.DataSource;

import org.hibernate.cfg.MultiTenancySettings;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate's schema-based multi-tenancy: the tenant comes from {@link CurrentTenant},
 * connections from {@link TenantConnectionProvider}.
 */
@Configuration(proxyBeanMethods = false)
class MultiTenancyConfiguration {

	@Bean
	HibernatePropertiesCustomizer multiTenancy(DataSource dataSource) {
		return (properties) -> {
			properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
					new TenantConnectionProvider(dataSource));
			properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new CurrentTenant());
		};
	}

}
