package dev.migrations.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads everything through its parent and records the names of the resources asked for:
 * what a start proves it read, or did not list, with it as the application's class
 * loader.
 */
final class ResourceRecordingClassLoader extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final Set<String> requested = ConcurrentHashMap.newKeySet();

	ResourceRecordingClassLoader(ClassLoader parent) {
		super(parent);
	}

	@Override
	public URL getResource(String name) {
		this.requested.add(name);
		return super.getResource(name);
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		this.requested.add(name);
		return super.getResources(name);
	}

	/**
	 * Return whether a resource was asked for.
	 * @param name the resource's name
	 * @return whether it was
	 */
	boolean requested(String name) {
		return this.requested.contains(name);
	}

	/**
	 * Return whether any resource under a folder, or the folder itself, was asked for.
	 * @param folder the folder, without a trailing slash
	 * @return whether one was
	 */
	boolean requestedUnder(String folder) {
		return this.requested.stream().anyMatch((name) -> name.equals(folder) || name.startsWith(folder + "/"));
	}

}
