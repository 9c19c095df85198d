package dev.migrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of this JVM, one per {@link DatabaseTemplate} (server, user, locations,
 * scanned packages, Java migrations, ledger table, placeholders), migrated on first use
 * and dropped, once the copies closed are dropped and with the copies left, when the JVM
 * shuts down. Thread-safe: test classes that run at once and ask for the same template
 * wait for one migration.
 */
final class TemplateCache {

	private static final TemplateCache shared = new TemplateCache();

	private final Map<DatabaseTemplate, Template> templates = new ConcurrentHashMap<>();

	private final Thread shutdown = new Thread(this::dropAll, "migrations-test-templates");

	private boolean hookAdded;

	private TemplateCache() {
	}

	static TemplateCache shared() {
		return shared;
	}

	/**
	 * Return the migrated template of a definition, migrating it on first use.
	 * @param definition the definition
	 * @return the template
	 */
	Template template(DatabaseTemplate definition) {
		addShutdownHook();
		Template template = this.templates.computeIfAbsent(definition, Template::new);
		template.migrate();
		return template;
	}

	private synchronized void addShutdownHook() {
		if (!this.hookAdded) {
			Runtime.getRuntime().addShutdownHook(this.shutdown);
			this.hookAdded = true;
		}
	}

	/**
	 * Return the names of the templates made in this JVM and not dropped.
	 * @return the names
	 */
	List<String> names() {
		return this.templates.values().stream().map(Template::name).toList();
	}

	/**
	 * Drop the template of a definition now, if any; a later request migrates a new one.
	 * @param definition the definition
	 */
	void drop(DatabaseTemplate definition) {
		Template template = this.templates.remove(definition);
		if (template != null) {
			template.drop();
		}
	}

	/**
	 * Wait until the copies closed so far, of every template, are dropped.
	 */
	void awaitDrops() {
		this.templates.values().forEach(Template::awaitDrops);
	}

	/**
	 * Drop every template of this JVM now; a later request migrates a new one.
	 */
	void dropAll() {
		List<Template> all = new ArrayList<>(this.templates.values());
		this.templates.clear();
		for (Template template : all) {
			try {
				template.drop();
			}
			catch (RuntimeException ex) {
				System.err.println(ex.getMessage());
			}
		}
	}

}
