package dev.migrations.boot.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when migrations cannot tell which {@link DataSource} to migrate: the
 * application has several DataSource beans and none is {@code @Primary} or qualified
 * {@link MigrationsDataSource @MigrationsDataSource}, or it has none, and no URL of a
 * connection of their own is configured. Nothing was applied. Carries the facts;
 * {@code NoMigrationsDataSourceFailureAnalyzer} words what resolves it. Immutable.
 */
public class NoMigrationsDataSourceException extends IllegalStateException {

	private final @Nullable String instance;

	private final List<String> dataSourceBeanNames;

	/**
	 * Create an exception.
	 * @param instance the name of the {@code migrations.instances} entry that has no
	 * DataSource, or {@code null} for the single runner the top-level properties describe
	 * @param dataSourceBeanNames the names of the DataSource beans of the application
	 */
	public NoMigrationsDataSourceException(@Nullable String instance, List<String> dataSourceBeanNames) {
		super(message(instance, dataSourceBeanNames));
		this.instance = instance;
		this.dataSourceBeanNames = List.copyOf(dataSourceBeanNames);
	}

	private static String message(@Nullable String instance, List<String> names) {
		String prefix = (instance != null) ? "migrations.instances." + instance : "migrations";
		String found = names.isEmpty() ? "there is no DataSource bean"
				: "there are " + names.size() + " DataSource beans " + names + " and none is @Primary";
		return "No DataSource to migrate for " + prefix + ": " + found + "; mark one @MigrationsDataSource, set "
				+ prefix + ".url" + ((instance != null) ? " or " + prefix + ".data-source" : "")
				+ ", or configure migrations.instances. Nothing was applied.";
	}

	/**
	 * Return the {@code migrations.instances} entry that has no DataSource.
	 * @return the name of the instance, or {@code null} for the single runner
	 */
	public @Nullable String getInstance() {
		return this.instance;
	}

	/**
	 * Return the names of the DataSource beans the application has.
	 * @return the bean names, empty when there is none
	 */
	public List<String> getDataSourceBeanNames() {
		return this.dataSourceBeanNames;
	}

}
