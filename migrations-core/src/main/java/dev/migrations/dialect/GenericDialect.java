package dev.migrations.dialect;

/**
 * Any other database: standard quoting, DDL assumed to commit implicitly (the safe
 * assumption: each migration is recorded {@code RUNNING} first), and a lease-row lock.
 */
class GenericDialect implements Dialect {

	private final String productName;

	public GenericDialect(String productName) {
		this.productName = productName;
	}

	@Override
	public String name() {
		return "generic (" + this.productName + ")";
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

}
