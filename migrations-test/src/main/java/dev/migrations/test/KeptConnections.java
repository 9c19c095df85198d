package dev.migrations.test;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.sql.DataSource;

/**
 * A few {@link KeptConnection kept connections} to one server, for statements of which
 * several may run at the same time, such as the {@code CREATE DATABASE} of copies made
 * together: each use takes a connection that no other use holds, waiting while all are
 * taken. Thread-safe.
 */
final class KeptConnections implements AutoCloseable {

	private final BlockingQueue<KeptConnection> free;

	/**
	 * Create the connections, each opened on its first use.
	 * @param dataSource where the connections are opened
	 * @param size how many uses may run at the same time
	 */
	KeptConnections(DataSource dataSource, int size) {
		this.free = new ArrayBlockingQueue<>(size);
		for (int each = 0; each < size; each++) {
			this.free.add(new KeptConnection(dataSource));
		}
	}

	/**
	 * Run work on a kept connection no other work holds, as
	 * {@link KeptConnection#run(KeptConnection.Work)} does.
	 * @param work the work
	 * @throws SQLException if no connection can be opened, the work fails, or the thread
	 * is interrupted while waiting for a connection
	 */
	void run(KeptConnection.Work work) throws SQLException {
		KeptConnection connection;
		try {
			connection = this.free.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while waiting for a connection to the server", ex);
		}
		try {
			connection.run(work);
		}
		finally {
			this.free.add(connection);
		}
	}

	/**
	 * Close the connections not in use; call once no work runs. A later use opens new
	 * ones.
	 */
	@Override
	public void close() {
		this.free.forEach(KeptConnection::close);
	}

}
