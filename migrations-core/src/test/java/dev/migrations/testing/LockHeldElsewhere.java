package dev.migrations.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.migrations.lock.HeldLock;
import dev.migrations.lock.MigrationLock;

/**
 * A migration lock held by another thread, as another instance of an application would
 * hold it, until {@link #close()}. What the holder does once it holds the lock, such as
 * writing a {@code RUNNING} row or a whole transaction, is up to the test; it is done
 * before {@link #hold} returns, and its closing step runs on release.
 */
public final class LockHeldElsewhere implements AutoCloseable {

	private final CountDownLatch release = new CountDownLatch(1);

	private final Thread thread;

	private volatile HeldLock held;

	private volatile Throwable failure;

	private LockHeldElsewhere(MigrationLock lock, Holding holding) throws InterruptedException {
		CountDownLatch ready = new CountDownLatch(1);
		this.thread = new Thread(() -> {
			try {
				lock.withLock(Duration.ofSeconds(30), (held) -> {
					this.held = held;
					try {
						Releasing onRelease = holding.hold(held);
						ready.countDown();
						this.release.await(60, TimeUnit.SECONDS);
						onRelease.release();
						return null;
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
			}
			catch (Throwable ex) {
				this.failure = ex;
			}
			finally {
				ready.countDown();
			}
		}, "lock-held-elsewhere");
		this.thread.start();
		if (!ready.await(30, TimeUnit.SECONDS) || this.failure != null) {
			throw new IllegalStateException("The lock was not taken", this.failure);
		}
	}

	/**
	 * Take a lock in another thread and hold it.
	 * @param lock the lock
	 * @return the held lock, released on {@link #close()}
	 * @throws InterruptedException if interrupted
	 */
	public static LockHeldElsewhere hold(MigrationLock lock) throws InterruptedException {
		return hold(lock, (held) -> () -> {
		});
	}

	/**
	 * Take a lock in another thread, do something while holding it, and hold it.
	 * @param lock the lock
	 * @param holding what to do once the lock is held; returns what to do on release
	 * @return the held lock, released on {@link #close()}
	 * @throws InterruptedException if interrupted
	 */
	public static LockHeldElsewhere hold(MigrationLock lock, Holding holding) throws InterruptedException {
		return new LockHeldElsewhere(lock, holding);
	}

	/**
	 * Return the lock as its holder sees it.
	 * @return the held lock
	 */
	public HeldLock held() {
		return this.held;
	}

	@Override
	public void close() throws InterruptedException {
		this.release.countDown();
		this.thread.join(30_000);
		if (this.failure != null) {
			throw new IllegalStateException("The lock's holder failed", this.failure);
		}
	}

	/**
	 * What the holder does once it holds the lock.
	 */
	@FunctionalInterface
	public interface Holding {

		/**
		 * Do it.
		 * @param held the held lock
		 * @return what to do on release
		 * @throws Exception on any failure
		 */
		Releasing hold(HeldLock held) throws Exception;

	}

	/**
	 * What the holder does when it is released.
	 */
	@FunctionalInterface
	public interface Releasing {

		/**
		 * Do it.
		 * @throws Exception on any failure
		 */
		void release() throws Exception;

	}

}
