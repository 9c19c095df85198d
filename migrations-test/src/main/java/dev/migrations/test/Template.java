package dev.migrations.test;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import dev.migrations.MigrationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One template database: created and migrated once, then copied for every request. While
 * a copy is in use, the next ones are made ahead in the background (one more for each
 * copy asked for, up to as many as the server {@linkplain DatabaseServer#copiesAtOnce()
 * makes at once}), and a closed copy is dropped in the background too
 * ({@link BackgroundWork}); dropping the template waits for both, then drops the copies
 * still there and the template. A migration that fails is remembered, so that every later
 * request fails at once with the same cause instead of migrating again. Thread-safe.
 */
final class Template {

	private static final Logger logger = LoggerFactory.getLogger(Template.class);

	private final DatabaseTemplate definition;

	private final DatabaseServer server;

	private final String name = DatabaseServer.newName(DatabaseServer.TEMPLATE_PREFIX);

	/** The copies made and not dropped yet: in use, made ahead, or closed. */
	private final Set<String> copies = ConcurrentHashMap.newKeySet();

	private final BackgroundWork background;

	private boolean migrated;

	private @Nullable RuntimeException failure;

	/** The copies being made, or made, ahead of the next requests, oldest first. */
	private final Deque<Future<String>> ahead = new ArrayDeque<>();

	/** How many copies were asked for. */
	private int requests;

	Template(DatabaseTemplate definition) {
		this.definition = definition;
		this.server = definition.server();
		this.background = new BackgroundWork(this.server.copiesAtOnce());
	}

	/**
	 * Create and migrate the template, unless done already.
	 */
	synchronized void migrate() {
		if (this.failure != null) {
			throw this.failure;
		}
		if (this.migrated) {
			return;
		}
		try {
			this.server.create(this.name);
			try {
				this.definition.runner(this.server.dataSource(this.name)).applyAll();
				this.server.migrated(this.name);
			}
			catch (RuntimeException | SQLException ex) {
				this.server.drop(this.name);
				throw ex;
			}
			this.migrated = true;
		}
		catch (MigrationException ex) {
			this.failure = new IllegalStateException(
					"The migrations of the template database failed, so no test gets a copy: " + ex.getMessage(), ex);
			throw this.failure;
		}
		catch (RuntimeException | SQLException ex) {
			this.failure = this.definition.failure("create the template database " + this.name, ex);
			throw this.failure;
		}
	}

	/**
	 * Return a copy of the template: the oldest made ahead, else a new one, and start
	 * making the next ones.
	 * @return the copy
	 */
	DatabaseCopy copy() {
		String copy = takeNext();
		prepareAhead();
		return new DatabaseCopy(this, copy);
	}

	/**
	 * Return the copy made ahead, waiting for it if need be, or make one now when none
	 * is. A copy made ahead that failed is made again once here; if that fails too, the
	 * failure of the copy made ahead is added to the one thrown.
	 */
	private String takeNext() {
		Future<String> next = removeNext();
		if (next == null) {
			return newCopy();
		}
		try {
			return next.get();
		}
		catch (ExecutionException ex) {
			Throwable ahead = (ex.getCause() != null) ? ex.getCause() : ex;
			try {
				String copy = newCopy();
				logger.warn("The copy of the template database {} made ahead failed, {} was made instead: {}",
						this.name, copy, ahead.getMessage());
				return copy;
			}
			catch (RuntimeException retry) {
				retry.addSuppressed(ahead);
				throw retry;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(
					"Interrupted while waiting for a copy of the template database " + this.name, ex);
		}
	}

	private synchronized @Nullable Future<String> removeNext() {
		return this.ahead.pollFirst();
	}

	/**
	 * Start making copies in the background until as many as were asked for so far, at
	 * most as many as the server makes at once, are made or being made, unless the
	 * template is dropped: a suite that asks for few copies leaves few unused.
	 */
	private synchronized void prepareAhead() {
		this.requests++;
		int wanted = Math.min(this.requests, this.server.copiesAtOnce());
		while (this.migrated && this.ahead.size() < wanted) {
			String copy = DatabaseServer.newName(DatabaseServer.COPY_PREFIX);
			this.copies.add(copy);
			this.ahead.addLast(this.background.make(() -> {
				copyTo(copy);
				return copy;
			}));
		}
	}

	private String newCopy() {
		String copy = DatabaseServer.newName(DatabaseServer.COPY_PREFIX);
		copyTo(copy);
		return copy;
	}

	/**
	 * Fill a database, which must not exist, with the template's content. The copy counts
	 * among those to drop from the start, so that dropping the template drops a copy that
	 * failed half made.
	 * @param copy the database's name
	 */
	void copyTo(String copy) {
		this.copies.add(copy);
		try {
			this.server.copy(this.name, copy);
		}
		catch (SQLException | RuntimeException ex) {
			IllegalStateException failure = this.definition
				.failure("copy the template database " + this.name + " to " + copy, ex);
			try {
				dropCopy(copy);
			}
			catch (RuntimeException dropFailure) {
				failure.addSuppressed(dropFailure);
			}
			throw failure;
		}
	}

	/**
	 * Drop a copy now.
	 * @param copy the copy's name
	 */
	void dropCopy(String copy) {
		try {
			this.server.drop(copy);
			this.copies.remove(copy);
		}
		catch (SQLException ex) {
			throw this.definition.failure("drop the copy " + copy, ex);
		}
	}

	/**
	 * Drop a closed copy in the background. A drop that fails leaves the copy among those
	 * that dropping the template drops, which then reports a second failure.
	 * @param copy the copy's name
	 */
	void dropCopyLater(String copy) {
		this.background.drop(() -> dropCopy(copy));
	}

	/**
	 * Wait until the copies closed so far are dropped, or their drop failed.
	 */
	void awaitDrops() {
		this.background.awaitDrops();
	}

	/**
	 * Drop the template: wait for the copies made ahead and the drops under way, then
	 * drop the copies still there (made ahead, still open, or whose drop failed) and the
	 * template, each even when another fails.
	 * @throws IllegalStateException the first failure to drop one, the others suppressed
	 */
	synchronized void drop() {
		for (Future<String> next = removeNext(); next != null; next = removeNext()) {
			BackgroundWork.awaitQuietly(next);
		}
		awaitDrops();
		List<String> databases = new ArrayList<>(this.copies);
		if (this.migrated) {
			this.migrated = false;
			databases.add(this.name);
		}
		RuntimeException failure = null;
		for (String database : databases) {
			try {
				dropCopy(database);
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		this.server.close();
		if (failure != null) {
			throw failure;
		}
	}

	String name() {
		return this.name;
	}

	/**
	 * Return the names of the copies made and not dropped yet: in use, made ahead, or
	 * closed and waiting for their drop.
	 * @return the names
	 */
	Set<String> copies() {
		return Set.copyOf(this.copies);
	}

	DatabaseTemplate definition() {
		return this.definition;
	}

	DatabaseServer server() {
		return this.server;
	}

}
