package dev.migrations.samples.tenants;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The invoices of the current tenant.
 */
public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

}
