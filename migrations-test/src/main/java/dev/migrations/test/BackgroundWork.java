package dev.migrations.test;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The work a template does beside the tests, so that a test neither waits for the drop of
 * the copy it closed nor, when the suite leaves it time, for the making of its own:
 * copies made ahead on daemon threads, and drops on others, in the order the copies were
 * closed; as many of each at a time as the server does faster together. Drops have
 * threads of their own, so that a drop does not hold up the next copy. Each thread ends
 * once idle and is started again by the next task. Thread-safe.
 */
final class BackgroundWork {

	private static final int MAX_PENDING_DROPS = 4;

	private final ThreadPoolExecutor copies;

	private final ThreadPoolExecutor drops;

	/**
	 * Room for the drops not done yet: a copy closed while the drops lag this far behind
	 * waits for one to finish, so that the copies waiting to be dropped stay few on the
	 * server.
	 */
	private final Semaphore pendingDrops = new Semaphore(MAX_PENDING_DROPS);

	/**
	 * Create the background work of one template.
	 * @param atOnce how many copies are made, and how many dropped, at the same time
	 */
	BackgroundWork(int atOnce) {
		this.copies = daemon("migrations-test-copies", atOnce);
		this.drops = daemon("migrations-test-drops", atOnce);
	}

	/**
	 * Make a copy in the background.
	 * @param copy the work, which returns the copy's name
	 * @return the name, once the work is done
	 */
	Future<String> make(Callable<String> copy) {
		return this.copies.submit(copy);
	}

	/**
	 * Drop a copy in the background, once the drops asked for before are started; wait
	 * first while {@value #MAX_PENDING_DROPS} drops are not done. A drop that fails is
	 * not retried here: the template drops what is left when it is dropped.
	 * @param drop the work
	 */
	void drop(Runnable drop) {
		this.pendingDrops.acquireUninterruptibly();
		this.drops.execute(() -> {
			try {
				drop.run();
			}
			catch (RuntimeException ex) {
				// The copy is still among the template's, which drops it again at its own
				// drop and reports the failure then
			}
			finally {
				this.pendingDrops.release();
			}
		});
	}

	/**
	 * Wait until the drops asked for so far are done.
	 */
	void awaitDrops() {
		// A drop holds a permit from when it is asked for until it is done
		this.pendingDrops.acquireUninterruptibly(MAX_PENDING_DROPS);
		this.pendingDrops.release(MAX_PENDING_DROPS);
	}

	/**
	 * Wait for a copy made ahead, or the drops, ignoring the result or failure.
	 * @param work the work
	 */
	static void awaitQuietly(Future<?> work) {
		try {
			work.get();
		}
		catch (ExecutionException ex) {
			// A copy made ahead that failed and that nobody took: what is left of it is
			// dropped with the template
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ThreadPoolExecutor daemon(String name, int threads) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, name);
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

}
