package dev.migrations.benchmarks;

import java.util.Optional;

/**
 * The state every measured run of one tool starts from, prepared once, untimed: each
 * {@link #newDatabase()} is a fresh database in that state.
 */
interface StartingPoint extends AutoCloseable {

	/**
	 * Create a fresh database for one run; the caller drops it with the server.
	 * @return the database
	 */
	Database newDatabase();

	/**
	 * Return a second database in the starting point's state that no run changes, for a
	 * tool that compares two databases.
	 * @return the database, or empty when none was prepared
	 */
	default Optional<Database> reference() {
		return Optional.empty();
	}

	/**
	 * Drop whatever was prepared.
	 */
	@Override
	void close();

	/**
	 * Start every run from an empty database.
	 * @param server the server
	 * @return the starting point
	 */
	static StartingPoint empty(DatabaseServer server) {
		return new StartingPoint() {

			@Override
			public Database newDatabase() {
				return server.createEmpty();
			}

			@Override
			public void close() {
			}

		};
	}

	/**
	 * Start every run from an empty database, with a prepared database to compare with.
	 * @param server the server
	 * @param reference the prepared database, never changed, dropped on {@link #close()}
	 * @return the starting point
	 */
	static StartingPoint emptyWithReference(DatabaseServer server, Database reference) {
		return new StartingPoint() {

			@Override
			public Database newDatabase() {
				return server.createEmpty();
			}

			@Override
			public Optional<Database> reference() {
				return Optional.of(reference);
			}

			@Override
			public void close() {
				server.drop(reference);
			}

		};
	}

	/**
	 * Start every run from a copy of a prepared database.
	 * @param server the server
	 * @param prepared the prepared database, dropped on {@link #close()}
	 * @return the starting point
	 */
	static StartingPoint copiesOf(DatabaseServer server, Database prepared) {
		return new StartingPoint() {

			@Override
			public Database newDatabase() {
				return server.copyOf(prepared);
			}

			@Override
			public void close() {
				server.drop(prepared);
			}

		};
	}

	/**
	 * Start every run from a copy of a prepared database, with a second database of the
	 * same state to compare with.
	 * @param server the server
	 * @param prepared the prepared database, dropped on {@link #close()}
	 * @param reference the second database, never copied nor changed, dropped on
	 * {@link #close()}
	 * @return the starting point
	 */
	static StartingPoint copiesOf(DatabaseServer server, Database prepared, Database reference) {
		return new StartingPoint() {

			@Override
			public Database newDatabase() {
				return server.copyOf(prepared);
			}

			@Override
			public Optional<Database> reference() {
				return Optional.of(reference);
			}

			@Override
			public void close() {
				server.drop(prepared);
				server.drop(reference);
			}

		};
	}

}
