package dev.migrations.dialect;

/**
 * H2: DDL commits implicitly; the lock is a lease row.
 */
public class H2Dialect implements Dialect {

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

}
