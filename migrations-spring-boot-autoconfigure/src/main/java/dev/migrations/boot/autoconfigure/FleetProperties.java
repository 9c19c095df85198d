package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code migrations.fleet.*} properties: the schemas that one run of the migrations
 * covers, one ledger in each, and how many run at once. A fleet is configured when
 * {@code schemas} is set or the application defines a
 * {@link dev.migrations.runner.MigrationTargets} bean. Not thread-safe.
 */
@ConfigurationProperties("migrations.fleet")
public class FleetProperties {

	/**
	 * Schemas the migrations run in, each with its own ledger (on MySQL and MariaDB,
	 * databases): an entry with '%' is a SQL LIKE pattern read from the catalog at each
	 * run, such as 'tenant_%' ('_' then stands for any one character); any other entry is
	 * the name of one schema, quoted, so written as the database holds it ('TENANT_A' on
	 * H2). Setting it makes start-up act on these schemas instead of the connection's
	 * own. A MigrationTargets bean replaces it.
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * How many schemas are migrated at once at most. Each holds two connections, one that
	 * migrates and one that holds its lock.
	 */
	private int parallelism = 4;

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

}
