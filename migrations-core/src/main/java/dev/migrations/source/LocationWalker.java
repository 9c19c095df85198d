package dev.migrations.source;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.jspecify.annotations.Nullable;

/**
 * Walks the files under a location, in directories and in jars, for the SQL and the Java
 * sources alike. Each directory is walked once per walker, however many locations reach
 * it (the same location listed twice, a relative and an absolute spelling, a link to it):
 * a directory that two locations reach would otherwise report each of its migrations as a
 * duplicate of itself. Not thread-safe: one walker per load.
 */
final class LocationWalker {

	static final String CLASSPATH = "classpath:";

	static final String FILESYSTEM = "filesystem:";

	private final ClassLoader classLoader;

	/**
	 * Real paths of directories, and jar URLs of directories in jars.
	 */
	private final Set<String> directoriesRead = new HashSet<>();

	LocationWalker(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Return the resource path a location names: without its {@code classpath:} prefix,
	 * if any, without leading or trailing slashes, and without empty or {@code .}
	 * segments.
	 */
	static String resourcePath(String location) {
		String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
		StringJoiner segments = new StringJoiner("/");
		for (String segment : path.split("/")) {
			if (!segment.isEmpty() && !segment.equals(".")) {
				segments.add(segment);
			}
		}
		return segments.toString();
	}

	/**
	 * Visit every file under a directory of the file system.
	 * @param directory the directory
	 * @param visitor the visitor
	 * @throws IOException if the directory cannot be read
	 */
	void walkDirectory(Path directory, FileVisitor visitor) throws IOException {
		walkDirectory(directory, "", visitor);
	}

	/**
	 * Visit every file under a class path resource path, in each directory and jar of the
	 * class path that holds it.
	 * @param path the resource path, as {@link #resourcePath(String)} returns it
	 * @param visitor the visitor
	 * @return whether any class path root holds the path
	 * @throws IOException if a root cannot be read
	 */
	boolean walkClasspath(String path, FileVisitor visitor) throws IOException {
		List<URL> roots = Collections.list(this.classLoader.getResources(path));
		for (URL root : roots) {
			walkRoot(root, path, visitor);
		}
		return !roots.isEmpty();
	}

	private void walkRoot(URL root, String path, FileVisitor visitor) throws IOException {
		if ("file".equals(root.getProtocol())) {
			try {
				walkDirectory(Paths.get(root.toURI()), "", visitor);
			}
			catch (URISyntaxException ex) {
				throw new IOException("Malformed location URL " + root, ex);
			}
			return;
		}
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new IOException("Cannot list resources at " + root);
		}
		jarConnection.setUseCaches(false);
		String rootUrl = root.toExternalForm();
		String jarUrl = rootUrl.substring(0, rootUrl.lastIndexOf("!/") + 2);
		Set<String> directoriesInJar = new HashSet<>();
		try (JarFile jar = jarConnection.getJarFile()) {
			String prefix = path.isEmpty() ? "" : path + "/";
			Enumeration<JarEntry> jarEntries = jar.entries();
			while (jarEntries.hasMoreElements()) {
				JarEntry entry = jarEntries.nextElement();
				String name = entry.getName();
				if (entry.isDirectory() || !name.startsWith(prefix)) {
					continue;
				}
				String directory = jarUrl + name.substring(0, name.lastIndexOf('/') + 1);
				if (!this.directoriesRead.contains(directory)) {
					directoriesInJar.add(directory);
					visitor.file(name.substring(prefix.length()), () -> {
						try (InputStream input = jar.getInputStream(entry)) {
							return Streams.readAll(input);
						}
					});
				}
			}
		}
		this.directoriesRead.addAll(directoriesInJar);
	}

	private void walkDirectory(Path directory, String prefix, FileVisitor visitor) throws IOException {
		if (!this.directoriesRead.add(directory.toRealPath().toString())) {
			return;
		}
		// Listed and read through java.io, which takes half the time of java.nio's paths,
		// attributes and channels in a fresh JVM, unless a name may be one that java.io
		// cannot spell in the platform's encoding: it decodes such bytes as '?' or
		// U+FFFD, and would not find the file by that name
		File ioDirectory = directory.toFile();
		String[] names = ioDirectory.list();
		if (names == null || !allSpelled(names)) {
			walkPaths(directory, prefix, visitor);
			return;
		}
		for (String name : names) {
			File file = new File(ioDirectory, name);
			if (file.isFile()) {
				visitor.file(prefix + name, () -> {
					try (InputStream input = new FileInputStream(file)) {
						return Streams.readAll(input);
					}
				});
			}
			else {
				visit(directory.resolve(name), prefix + name, visitor);
			}
		}
	}

	private static boolean allSpelled(String[] names) {
		for (String name : names) {
			if (name.indexOf('?') >= 0 || name.indexOf('\uFFFD') >= 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Walk a directory through java.nio, which keeps the bytes of each name.
	 */
	private void walkPaths(Path directory, String prefix, FileVisitor visitor) throws IOException {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
			for (Path file : files) {
				visit(file, prefix + file.getFileName(), visitor);
			}
		}
	}

	/**
	 * Visit an entry of a directory through java.nio: links to directories are not
	 * followed, as in Files.walk (a Kubernetes ConfigMap volume links its files and also
	 * the directory holding them), nor is anything but a file or a link to one read.
	 */
	private void visit(Path file, String name, FileVisitor visitor) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		if (attributes.isDirectory()) {
			walkDirectory(file, name + "/", visitor);
		}
		else if (attributes.isRegularFile() || (attributes.isSymbolicLink() && Files.isRegularFile(file))) {
			visitor.file(name, () -> Files.readAllBytes(file));
		}
		else if (attributes.isSymbolicLink() && !Files.exists(file)) {
			visitor.brokenLink(name, file);
		}
	}

	/**
	 * What a walk does with each file it finds.
	 */
	interface FileVisitor {

		/**
		 * Visit a file.
		 * @param relativePath its path below the location, with {@code /} separators
		 * @param content reads its bytes, during this call only
		 * @throws IOException if the file cannot be read
		 */
		void file(String relativePath, Content content) throws IOException;

		/**
		 * Visit a symbolic link whose target does not exist; ignored unless overridden.
		 * @param relativePath its path below the location
		 * @param link the link
		 * @throws IOException if the link cannot be read
		 */
		default void brokenLink(String relativePath, Path link) throws IOException {
		}

	}

	/**
	 * The bytes of a file, read on demand.
	 */
	@FunctionalInterface
	interface Content {

		byte[] read() throws IOException;

	}

	/**
	 * Return the directory a {@code filesystem:} location names, or {@code null} for a
	 * class path location.
	 */
	static @Nullable String filesystemPath(String location) {
		return location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : null;
	}

}
