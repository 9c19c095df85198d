/**
 * Schema per tenant: Hibernate reads and writes the current tenant's schema, the fleet
 * migrates every tenant's schema.
 */
@NullMarked
package dev.migrations.samples.tenants;

import org.jspecify.annotations.NullMarked;
