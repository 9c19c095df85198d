package dev.migrations.samples.tenants;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An invoicing service with one schema per tenant. At startup the starter's fleet
 * migrates every schema named {@code tenant_%}; Hibernate then works in the schema of the
 * current tenant.
 */
@SpringBootApplication
public class TenantsApplication {

	public static void main(String[] args) {
		SpringApplication.run(TenantsApplication.class, args);
	}

}
