package dev.migrations.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contender: something that brings a database from N migrations on disk to N applied
 * migrations. Plain JDBC is the baseline, running the same statements with no
 * bookkeeping.
 */
enum Tool {

	/** Plain JDBC, the same statements with no bookkeeping: the baseline. */
	PLAIN_JDBC("plain", "plain JDBC", null, null, null),

	/** This library. */
	MIGRATIONS("migrations", "migrations", "dev.migrations", "migrations-core", null),

	/**
	 * This library on a directory that also holds a squash of all N migrations, written
	 * beforehand: a database with an empty ledger loads the squash instead of replaying
	 * them.
	 */
	MIGRATIONS_SQUASH("migrations-squash", "migrations", "dev.migrations", "migrations-core", "squashed load"),

	/**
	 * This library with the index of its migrations written beforehand, as an
	 * application's build writes it: the migrations and the index are on the class path.
	 */
	MIGRATIONS_INDEX("migrations-index", "migrations", "dev.migrations", "migrations-core", "build-time index"),

	/**
	 * The Spring Boot application without a migration tool, processed ahead of time as
	 * {@code process-aot} processes it and started with the generated artifacts: the
	 * baseline of {@link #MIGRATIONS_AOT}.
	 */
	PLAIN_AOT("plain-aot", "plain JDBC", null, null, "processed ahead of time"),

	/**
	 * This library's starter in the Spring Boot application processed ahead of time: the
	 * runner reads the index the starter's AOT processor wrote, and no script.
	 */
	MIGRATIONS_AOT("migrations-aot", "migrations", "dev.migrations", "migrations-core",
			"processed ahead of time, AOT index"),

	/**
	 * This library's test support handing out copies of a template database that it
	 * migrated once, where the {@link #MIGRATIONS} row replays the migrations on a new
	 * database every time.
	 */
	MIGRATIONS_TEMPLATE("migrations-template", "migrations", "dev.migrations", "migrations-test", "template copies"),

	/** This library's fleet running one schema at a time. */
	MIGRATIONS_FLEET_1("migrations-fleet-1", "migrations", "dev.migrations", "migrations-core", "fleet, parallelism 1"),

	/** This library's fleet running two schemas at once. */
	MIGRATIONS_FLEET_2("migrations-fleet-2", "migrations", "dev.migrations", "migrations-core", "fleet, parallelism 2"),

	/** This library's fleet running four schemas at once, its default. */
	MIGRATIONS_FLEET_4("migrations-fleet-4", "migrations", "dev.migrations", "migrations-core", "fleet, parallelism 4"),

	/**
	 * A loop over the schemas building one runner of this library per schema, one after
	 * the other: what a user of a tool without fleets writes.
	 */
	MIGRATIONS_LOOP("migrations-loop", "migrations", "dev.migrations", "migrations-core", "a loop of single runners"),

	/**
	 * Plain JDBC reading this library's ledger, every row: the floor of a start that
	 * reads what is applied and nothing else.
	 */
	PLAIN_LEDGER("plain-ledger", "plain JDBC", null, null, "reading the ledger"),

	/** Flyway. */
	FLYWAY("flyway", "Flyway", "org.flywaydb", "flyway-core", null),

	/** Liquibase. */
	LIQUIBASE("liquibase", "Liquibase", "org.liquibase", "liquibase-core", null);

	private final String optionName;

	private final String displayName;

	private final String groupId;

	private final String artifactId;

	private final String variant;

	Tool(String optionName, String displayName, String groupId, String artifactId, String variant) {
		this.optionName = optionName;
		this.displayName = displayName;
		this.groupId = groupId;
		this.artifactId = artifactId;
		this.variant = variant;
	}

	/**
	 * Return the name used on the command line.
	 * @return the option name
	 */
	String optionName() {
		return this.optionName;
	}

	/**
	 * Return whether the tool's application is processed ahead of time and started with
	 * the generated artifacts.
	 * @return whether it is {@link #PLAIN_AOT} or {@link #MIGRATIONS_AOT}
	 */
	boolean processedAheadOfTime() {
		return this == PLAIN_AOT || this == MIGRATIONS_AOT;
	}

	/**
	 * Return the name, when known the version, and the variant of a tool that takes part
	 * twice, for tables.
	 * @return the label
	 */
	String label() {
		String version = version();
		String label = (version != null) ? this.displayName + " " + version : this.displayName;
		return (this.variant != null) ? label + ", " + this.variant : label;
	}

	/**
	 * Return the version of the library on the class path, read from the Maven metadata
	 * in its jar.
	 * @return the version, or {@code null} for plain JDBC or when unknown
	 */
	String version() {
		return (this.groupId != null) ? mavenVersion(this.groupId, this.artifactId) : null;
	}

	static Tool fromOptionName(String name) {
		for (Tool tool : values()) {
			if (tool.optionName.equals(name.toLowerCase(Locale.ROOT))) {
				return tool;
			}
		}
		throw new IllegalArgumentException("Unknown tool '" + name + "'; expected one of "
				+ Arrays.stream(values()).map(Tool::optionName).toList());
	}

	/**
	 * Return the version of a library on the class path: from the Maven metadata in its
	 * jar, else from the jar's name (not every jar carries the metadata).
	 * @param groupId the group id
	 * @param artifactId the artifact id
	 * @return the version, or {@code null} when unknown
	 */
	static String mavenVersion(String groupId, String artifactId) {
		String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
		try (InputStream input = Tool.class.getClassLoader().getResourceAsStream(resource)) {
			if (input != null) {
				Properties properties = new Properties();
				properties.load(input);
				return properties.getProperty("version");
			}
		}
		catch (IOException ex) {
			// Fall back to the jar's name.
		}
		Pattern jarName = Pattern.compile(Pattern.quote(artifactId) + "-(\\d.*)\\.jar");
		for (String entry : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
			Path fileName = Path.of(entry).getFileName();
			Matcher matcher = jarName.matcher((fileName != null) ? fileName.toString() : "");
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		return null;
	}

}
