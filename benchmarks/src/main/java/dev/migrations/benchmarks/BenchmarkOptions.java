package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The command-line options of {@link Benchmark}.
 */
final class BenchmarkOptions {

	static final String USAGE = """
			Usage: benchmarks/run.sh [options]

			Measures migrations, Flyway, Liquibase and plain JDBC side by side, each run in a
			fresh JVM, tools alternating within every round.

			  --databases LIST   h2,postgresql (default: both). PostgreSQL comes from
			                     MIGRATIONS_TEST_POSTGRES_URL, else
			                     jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres
			  --scenarios LIST   apply,nothing-pending,status,spring-boot,describe,drift,
			                     squash,template,fleet,fleet-nothing-pending (default:
			                     all); introspect is describe and drift, fleets is
			                     fleet and fleet-nothing-pending
			  --tools LIST       plain,plain-ledger,migrations,migrations-index,
			                     migrations-squash,flyway,liquibase (default: all);
			                     migrations-squash is the squashed load of the squash
			                     scenario; migrations-index (the build-time index) and
			                     plain-ledger (plain JDBC reading the ledger) take
			                     part in nothing-pending; migrations-template (copies
			                     of a template) in template; migrations-fleet-1,
			                     migrations-fleet-2, migrations-fleet-4 and
			                     migrations-loop (one runner per schema) in the
			                     fleets; plain-aot and migrations-aot (the
			                     application processed ahead of time, without and
			                     with this library, which reads the AOT index) in
			                     spring-boot
			  --sizes LIST       numbers of migrations (default: 100,1000,5000 for apply,
			                     1000 for the others; for describe and drift, the
			                     number of tables; 200 for template, each of 50 test
			                     classes getting a database with N migrations; for the
			                     fleets, the number of schemas, each getting 50
			                     migrations, 100,500 by default)
			  --runs N           measured runs per tool and cell (default: 5)
			  --help             print this and exit

			A quick smoke run: benchmarks/run.sh --runs 1 --sizes 100
			""";

	static final int DEFAULT_RUNS = 5;

	private final List<String> databases;

	private final List<Scenario> scenarios;

	private final Set<Tool> tools;

	private final List<Integer> sizes;

	private final int runs;

	private final boolean help;

	private BenchmarkOptions(List<String> databases, List<Scenario> scenarios, Set<Tool> tools, List<Integer> sizes,
			int runs, boolean help) {
		this.databases = databases;
		this.scenarios = scenarios;
		this.tools = tools;
		this.sizes = sizes;
		this.runs = runs;
		this.help = help;
	}

	/**
	 * Parse the command line.
	 * @param arguments the arguments
	 * @return the options
	 * @throws IllegalArgumentException if an option is unknown or malformed
	 */
	static BenchmarkOptions parse(String[] arguments) {
		List<String> databases = List.of("h2", "postgresql");
		List<Scenario> scenarios = Scenario.all();
		Set<Tool> tools = EnumSet.allOf(Tool.class);
		List<Integer> sizes = List.of();
		int runs = DEFAULT_RUNS;
		boolean help = false;
		for (int index = 0; index < arguments.length; index++) {
			String option = arguments[index];
			if (option.equals("--help") || option.equals("-h")) {
				help = true;
				continue;
			}
			if (index + 1 >= arguments.length) {
				throw new IllegalArgumentException("Unknown option or missing value: " + option);
			}
			String value = arguments[++index];
			switch (option) {
				case "--databases" -> databases = databases(value);
				case "--scenarios" -> scenarios = scenarios(value);
				case "--tools" -> tools = tools(value);
				case "--sizes" -> sizes = positiveNumbers(option, value);
				case "--runs" -> runs = positiveNumber(option, value);
				default -> throw new IllegalArgumentException("Unknown option: " + option);
			}
		}
		return new BenchmarkOptions(databases, scenarios, tools, sizes, runs, help);
	}

	List<String> databases() {
		return this.databases;
	}

	List<Scenario> scenarios() {
		return this.scenarios;
	}

	/**
	 * Return the tools of a scenario that take part in this run.
	 * @param scenario the scenario
	 * @return its tools, less those left out with {@code --tools}
	 */
	List<Tool> tools(Scenario scenario) {
		return scenario.tools().stream().filter(this.tools::contains).toList();
	}

	/**
	 * Return the numbers of migrations to measure a scenario with.
	 * @param scenario the scenario
	 * @return the sizes given with {@code --sizes}, else the scenario's defaults
	 */
	List<Integer> sizes(Scenario scenario) {
		return this.sizes.isEmpty() ? scenario.defaultSizes() : this.sizes;
	}

	int runs() {
		return this.runs;
	}

	boolean help() {
		return this.help;
	}

	private static List<String> databases(String value) {
		List<String> databases = split(value);
		for (String database : databases) {
			if (!database.equals("h2") && !database.equals("postgresql")) {
				throw new IllegalArgumentException("Unknown database '" + database + "'; expected h2 or postgresql");
			}
		}
		return databases;
	}

	private static List<Scenario> scenarios(String value) {
		List<Scenario> selected = new ArrayList<>();
		for (String name : split(value)) {
			List<Scenario> named = Scenario.all().stream().filter((scenario) -> scenario.selectedBy(name)).toList();
			if (named.isEmpty()) {
				List<String> names = new ArrayList<>(Scenario.all().stream().map(Scenario::optionName).toList());
				names.add(IntrospectScenario.GROUP);
				names.add(FleetScenario.GROUP);
				throw new IllegalArgumentException("Unknown scenario '" + name + "'; expected one of " + names);
			}
			for (Scenario scenario : named) {
				if (selected.stream().noneMatch((each) -> each.optionName().equals(scenario.optionName()))) {
					selected.add(scenario);
				}
			}
		}
		return selected;
	}

	private static Set<Tool> tools(String value) {
		Set<Tool> tools = EnumSet.noneOf(Tool.class);
		for (String name : split(value)) {
			tools.add(Tool.fromOptionName(name));
		}
		return tools;
	}

	private static int positiveNumber(String option, String value) {
		List<Integer> numbers = positiveNumbers(option, value);
		if (numbers.size() != 1) {
			throw new IllegalArgumentException(option + " expects one number, got '" + value + "'");
		}
		return numbers.get(0);
	}

	private static List<Integer> positiveNumbers(String option, String value) {
		List<Integer> numbers = new ArrayList<>();
		for (String number : split(value)) {
			try {
				numbers.add(Integer.parseInt(number));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(option + " expects whole numbers, got '" + number + "'");
			}
			if (numbers.get(numbers.size() - 1) < 1) {
				throw new IllegalArgumentException(option + " expects numbers of at least 1, got " + number);
			}
		}
		return numbers;
	}

	private static List<String> split(String value) {
		List<String> parts = Arrays.stream(value.split(","))
			.map(String::strip)
			.filter((part) -> !part.isEmpty())
			.toList();
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("Expected a comma-separated list, got '" + value + "'");
		}
		return parts;
	}

}
