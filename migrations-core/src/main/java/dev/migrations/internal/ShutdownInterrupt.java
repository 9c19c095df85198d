package dev.migrations.internal;

/**
 * Interrupts a thread that waits (for the migration lock, or for a database that is not
 * up yet) when the JVM begins to shut down, so that a wait of minutes does not outlast a
 * {@code SIGTERM} or Ctrl-C: a framework's own shutdown hook may wait for the very start
 * that waits here (Spring's closes the context only once its refresh ends). Registered
 * only while a wait lasts, and removed by {@link #close()}. Thread-safe.
 */
public final class ShutdownInterrupt implements AutoCloseable {

	private final Thread hook;

	private volatile boolean fired;

	private ShutdownInterrupt(Thread waiting) {
		this.hook = new Thread(() -> {
			this.fired = true;
			waiting.interrupt();
		}, "migrations-shutdown-interrupt");
	}

	/**
	 * Interrupt a thread when the JVM begins to shut down, or at once when it already
	 * does.
	 * @param waiting the thread that waits
	 * @return the registration, to close when the wait ends
	 */
	public static ShutdownInterrupt register(Thread waiting) {
		ShutdownInterrupt interrupt = new ShutdownInterrupt(waiting);
		try {
			Runtime.getRuntime().addShutdownHook(interrupt.hook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down already
			interrupt.fired = true;
			waiting.interrupt();
		}
		return interrupt;
	}

	/**
	 * Return whether the JVM began to shut down while this registration lasted.
	 * @return whether the thread was interrupted for that
	 */
	public boolean fired() {
		return this.fired;
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// Shutting down: the hook runs, or ran
		}
	}

}
