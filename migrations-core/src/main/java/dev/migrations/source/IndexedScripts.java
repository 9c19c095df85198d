package dev.migrations.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.List;

import dev.migrations.MigrationDefinitionException;

/**
 * Reads one script that a {@link MigrationIndex} lists, from the class path, when a
 * migration needs its text. Thread-safe.
 */
final class IndexedScripts {

	private final ClassLoader classLoader;

	private final Charset encoding;

	IndexedScripts(ClassLoader classLoader, Charset encoding) {
		this.classLoader = classLoader;
		this.encoding = encoding;
	}

	/**
	 * Read a script.
	 * @param source its class path source, such as
	 * {@code classpath:db/migrations/20241201000000_x.up.sql}
	 * @return its text
	 * @throws MigrationDefinitionException if it is gone or cannot be read
	 */
	String read(String source) {
		String path = SqlMigrationSource.classpathPath(source);
		if (path == null) {
			throw new MigrationDefinitionException("Migration " + source + " is not on the class path, and the "
					+ "migration index lists only class path locations.");
		}
		try {
			// The last of several resources of one name, as a listing of the location
			// keeps it
			List<URL> found = Collections.list(this.classLoader.getResources(path));
			if (found.isEmpty()) {
				throw new MigrationDefinitionException("Migration " + source + " is listed in the migration index ("
						+ MigrationIndex.RESOURCE + ") but is not on the class path. Build the application again, "
						+ "so that its index lists the scripts it holds.");
			}
			try (InputStream input = found.get(found.size() - 1).openStream()) {
				return ScriptDecoder.decode(Streams.readAll(input), source, this.encoding);
			}
		}
		catch (IOException ex) {
			throw new MigrationDefinitionException("Could not read migration " + source + ": " + ex, ex);
		}
	}

}
