package dev.migrations.internal;

import java.net.InetAddress;

/**
 * The name of this host and the id of this process, looked up once: they identify a
 * runner in the ledger's {@code applied_by} column and in the lease lock.
 */
public final class LocalHost {

	/** The host name, or {@code unknown-host} when it cannot be looked up. */
	public static final String NAME = lookUp();

	private LocalHost() {
	}

	/**
	 * Return this process, as {@code pid@host}.
	 * @return the description
	 */
	public static String process() {
		return ProcessHandle.current().pid() + "@" + NAME;
	}

	private static String lookUp() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "unknown-host";
		}
	}

}
