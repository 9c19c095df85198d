package dev.migrations.boot.autoconfigure;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.OutOfOrder;
import dev.migrations.TransactionMode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for migrations, prefix {@code migrations}. The defaults equal
 * the defaults of {@link dev.migrations.runner.MigrationRunner.Builder}. Not thread-safe;
 * bound once at startup.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties extends ShadowProperties {

	/**
	 * Whether to enable migrations.
	 */
	private boolean enabled = true;

	/**
	 * Locations of SQL migrations, 'classpath:' or 'filesystem:' paths. The package a
	 * 'classpath:' location names is also scanned for Java migrations.
	 */
	private List<String> locations = new ArrayList<>(Collections.singletonList("classpath:db/migrations"));

	/**
	 * Packages to scan for Java migrations (classes that implement Migration), besides
	 * the packages that the 'classpath:' locations name, such as db.migrations for
	 * 'classpath:db/migrations'.
	 */
	private List<String> javaPackages = new ArrayList<>();

	/**
	 * Name of the ledger table that records applied migrations.
	 */
	private String table = "migrations_ledger";

	/**
	 * Schema of the ledger table. When not set, the connection's current schema.
	 */
	private @Nullable String schema;

	/**
	 * What to do with migrations when the application starts.
	 */
	private StartupMode onStartup = StartupMode.APPLY;

	/**
	 * How long to wait for another process that holds the migration lock.
	 */
	private Duration lockTimeout = Duration.ofMinutes(5);

	/**
	 * How migrations are grouped into transactions.
	 */
	private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;

	/**
	 * What to do with a pending migration older than the newest applied one.
	 */
	private OutOfOrder outOfOrder = OutOfOrder.APPLY;

	/**
	 * Whether applied migrations whose checksum changed stop applying. Failed and
	 * interrupted migrations always do.
	 */
	private boolean validateOnApply = true;

	/**
	 * Whether to apply pending migrations that would destroy data the database holds
	 * (drop a table or a column holding rows, narrow a column's type on a table holding
	 * rows) without being marked destructive. Applies to every instance.
	 */
	private boolean allowDestructive;

	/**
	 * Encoding of SQL migration files. A file that is not valid in it fails startup,
	 * naming the file and the byte offset.
	 */
	private Charset encoding = StandardCharsets.UTF_8;

	/**
	 * JDBC URL of the database to migrate, for a dedicated connection. When not set, the
	 * application's DataSource is used. Runs open fresh connections; health checks,
	 * gauges and the endpoint share a pool of at most two, closed with the application.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate. With 'url' unset, the application's
	 * DataSource is used with this user.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	/**
	 * Several databases, each with its own DataSource, locations and ledger, applied in
	 * ascending 'order', then by name. When any is configured, they replace the single
	 * runner that the properties above describe and use those properties as defaults.
	 */
	private Map<String, Instance> instances = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public List<String> getJavaPackages() {
		return this.javaPackages;
	}

	public void setJavaPackages(List<String> javaPackages) {
		this.javaPackages = javaPackages;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public StartupMode getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(StartupMode onStartup) {
		this.onStartup = onStartup;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public TransactionMode getTransactionMode() {
		return this.transactionMode;
	}

	public void setTransactionMode(TransactionMode transactionMode) {
		this.transactionMode = transactionMode;
	}

	public OutOfOrder getOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(OutOfOrder outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public boolean isValidateOnApply() {
		return this.validateOnApply;
	}

	public Charset getEncoding() {
		return this.encoding;
	}

	public void setEncoding(Charset encoding) {
		this.encoding = encoding;
	}

	public void setValidateOnApply(boolean validateOnApply) {
		this.validateOnApply = validateOnApply;
	}

	public boolean isAllowDestructive() {
		return this.allowDestructive;
	}

	public void setAllowDestructive(boolean allowDestructive) {
		this.allowDestructive = allowDestructive;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public Map<String, Instance> getInstances() {
		return this.instances;
	}

	public void setInstances(Map<String, Instance> instances) {
		this.instances = instances;
	}

	/**
	 * One of several databases to migrate. Every setting left unset takes the value of
	 * the top-level {@code migrations.*} property of the same name.
	 */
	public static class Instance extends InstanceRunSettingsProperties {

		/**
		 * Whether to migrate this instance.
		 */
		private boolean enabled = true;

		/**
		 * Position of this instance in the order of application; lower first, ties by
		 * name.
		 */
		private int order;

		/**
		 * Name of the DataSource bean to migrate. When neither this nor 'url' is set, the
		 * application's single DataSource.
		 */
		private @Nullable String dataSource;

		/**
		 * JDBC URL of the database to migrate, for a dedicated connection.
		 */
		private @Nullable String url;

		/**
		 * Login user of the database to migrate.
		 */
		private @Nullable String user;

		/**
		 * Login password of the database to migrate.
		 */
		private @Nullable String password;

		/**
		 * Locations of SQL migrations. When not set, 'classpath:db/migrations/{name}'.
		 */
		private @Nullable List<String> locations;

		/**
		 * Name of the ledger table.
		 */
		private @Nullable String table;

		/**
		 * Schema of the ledger table.
		 */
		private @Nullable String schema;

		/**
		 * How long to wait for another process that holds the migration lock.
		 */
		private @Nullable Duration lockTimeout;

		/**
		 * How migrations are grouped into transactions.
		 */
		private @Nullable TransactionMode transactionMode;

		/**
		 * What to do with a pending migration older than the newest applied one.
		 */
		private @Nullable OutOfOrder outOfOrder;

		/**
		 * Whether applied migrations whose checksum changed stop applying.
		 */
		private @Nullable Boolean validateOnApply;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

		public @Nullable String getDataSource() {
			return this.dataSource;
		}

		public void setDataSource(@Nullable String dataSource) {
			this.dataSource = dataSource;
		}

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getUser() {
			return this.user;
		}

		public void setUser(@Nullable String user) {
			this.user = user;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(@Nullable List<String> locations) {
			this.locations = locations;
		}

		public @Nullable String getTable() {
			return this.table;
		}

		public void setTable(@Nullable String table) {
			this.table = table;
		}

		public @Nullable String getSchema() {
			return this.schema;
		}

		public void setSchema(@Nullable String schema) {
			this.schema = schema;
		}

		public @Nullable Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(@Nullable Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public @Nullable TransactionMode getTransactionMode() {
			return this.transactionMode;
		}

		public void setTransactionMode(@Nullable TransactionMode transactionMode) {
			this.transactionMode = transactionMode;
		}

		public @Nullable OutOfOrder getOutOfOrder() {
			return this.outOfOrder;
		}

		public void setOutOfOrder(@Nullable OutOfOrder outOfOrder) {
			this.outOfOrder = outOfOrder;
		}

		public @Nullable Boolean getValidateOnApply() {
			return this.validateOnApply;
		}

		public void setValidateOnApply(@Nullable Boolean validateOnApply) {
			this.validateOnApply = validateOnApply;
		}

	}

}
