package dev.migrations.samples.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An invoice of one tenant, kept in the {@code invoices} table of that tenant's schema.
 */
@Entity
@Table(name = "invoices")
public class Invoice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private String customer = "";

	@Column(name = "amount_cents", nullable = false)
	private long amountCents;

	@Column(nullable = false)
	private boolean paid;

	protected Invoice() {
	}

	public Invoice(String customer, long amountCents) {
		this.customer = customer;
		this.amountCents = amountCents;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getCustomer() {
		return this.customer;
	}

	public long getAmountCents() {
		return this.amountCents;
	}

	public boolean isPaid() {
		return this.paid;
	}

}
