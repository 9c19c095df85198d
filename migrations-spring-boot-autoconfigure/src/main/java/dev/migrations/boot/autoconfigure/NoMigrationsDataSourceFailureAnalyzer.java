package dev.migrations.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that found no single DataSource to migrate: which DataSource beans
 * there are, and the ways to choose one.
 */
class NoMigrationsDataSourceFailureAnalyzer extends AbstractFailureAnalyzer<NoMigrationsDataSourceException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoMigrationsDataSourceException cause) {
		return (cause.getInstance() != null) ? analyzeInstance(cause.getInstance(), cause) : analyzeSingleRunner(cause);
	}

	private FailureAnalysis analyzeSingleRunner(NoMigrationsDataSourceException cause) {
		List<String> names = cause.getDataSourceBeanNames();
		String description = "Migrations cannot tell which DataSource to migrate: the application has " + found(names)
				+ ", none of them @Primary or qualified @MigrationsDataSource, and migrations.url "
				+ "is not set. Nothing was applied.";
		String example = names.isEmpty() ? "<name>" : names.get(0);
		String action = "Choose the DataSource to migrate in one of these ways:"
				+ "\n - annotate it @MigrationsDataSource (dev.migrations.boot.autoconfigure.MigrationsDataSource);"
				+ "\n - mark the application's main DataSource @Primary, and migrations use that one;"
				+ "\n - migrate each database with its own runner: migrations.instances.<name>.data-source=<bean name>"
				+ ", for example migrations.instances." + instanceName(example) + ".data-source=" + example
				+ " (see \"Multiple databases\" in the documentation);"
				+ "\n - or give migrations a connection of their own with migrations.url."
				+ "\nTo start without migrations, set migrations.enabled=false.";
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis analyzeInstance(String instance, NoMigrationsDataSourceException cause) {
		String prefix = "migrations.instances." + instance;
		List<String> names = cause.getDataSourceBeanNames();
		String description = "Migrations cannot tell which DataSource " + prefix + " migrates: the application has "
				+ found(names) + (names.size() > 1 ? ", none of them @Primary" : "") + ", and neither " + prefix
				+ ".data-source nor " + prefix + ".url is set. Nothing was applied.";
		String action = names.isEmpty()
				? "Set " + prefix + ".url to the database's JDBC URL, or define a DataSource bean and name it in "
						+ prefix + ".data-source."
				: "Set " + prefix + ".data-source to the name of one of those beans, for example " + prefix
						+ ".data-source=" + names.get(0) + "; or set " + prefix
						+ ".url for a connection of its own; or mark the application's main DataSource @Primary.";
		return new FailureAnalysis(description, action, cause);
	}

	private static String found(List<String> names) {
		if (names.isEmpty()) {
			return "no DataSource bean";
		}
		return names.size() + " DataSource beans, "
				+ names.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", "));
	}

	/**
	 * An instance name for the example: the bean name without a {@code DataSource}
	 * suffix.
	 */
	private static String instanceName(String beanName) {
		return beanName.endsWith("DataSource") && beanName.length() > "DataSource".length()
				? beanName.substring(0, beanName.length() - "DataSource".length()) : beanName;
	}

}
