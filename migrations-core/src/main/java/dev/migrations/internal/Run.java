package dev.migrations.internal;

import java.sql.Connection;

import dev.migrations.lock.HeldLock;

/**
 * One locked run: the connection that applies migrations, the lock it holds, and what its
 * ledger rows record.
 *
 * @param connection the connection that applies migrations, in auto-commit mode unless
 * {@code inOneTransaction}
 * @param lock the held lock
 * @param batch the batch number of rows the run writes
 * @param appliedBy the database user and host of the runner
 * @param inOneTransaction whether the whole run is one transaction
 */
public record Run(Connection connection, HeldLock lock, int batch, String appliedBy, boolean inOneTransaction) {

	/**
	 * Prove that the run still holds the lock, before the migration connection writes.
	 * @throws dev.migrations.lock.MigrationLockLostException if it does not
	 */
	public void verify() {
		this.lock.verify(this.connection);
	}

	/**
	 * Return the lock holder's identity, which the run's ledger rows record.
	 * @return the identity
	 */
	public String owner() {
		return this.lock.holder().identity();
	}

	/**
	 * Return the same run as one transaction.
	 * @return the run
	 */
	public Run asOneTransaction() {
		return new Run(this.connection, this.lock, this.batch, this.appliedBy, true);
	}

}
