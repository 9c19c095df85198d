package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One table of the report: what is measured, for which tools (the rows) and how many
 * migrations (with the databases, the columns). The driver calls {@link #prepare prepare}
 * once per tool, database and size, untimed, then, round after round, with the tools in
 * an order rotated every round, {@link #measure measure} on a fresh database from that
 * starting point.
 * <p>
 * A new scenario is one more implementation listed in {@link #all()}; it may start a
 * child of its own (another main class, a Spring Boot application) as long as that child
 * follows the {@link ChildCommand} contract.
 */
interface Scenario {

	/**
	 * Return the name used on the command line.
	 * @return the option name
	 */
	String optionName();

	/**
	 * Return whether a name given with {@code --scenarios} selects this scenario.
	 * @param name the name
	 * @return whether it is the scenario's name or the name of a group it belongs to
	 */
	default boolean selectedBy(String name) {
		return optionName().equals(name);
	}

	/**
	 * Return the heading of the scenario's table.
	 * @return the title
	 */
	String title();

	/**
	 * Return the tools that take part, in the order of the table's rows.
	 * @return the tools
	 */
	List<Tool> tools();

	/**
	 * Return the rows that a tool's row is compared with by difference: the report adds a
	 * table of each such tool's median minus its baseline's, both of the same run.
	 * @return the baseline of each tool that has one
	 */
	default Map<Tool, Tool> baselines() {
		return Map.of();
	}

	/**
	 * Return the numbers of migrations measured unless {@code --sizes} says otherwise.
	 * @return the sizes
	 */
	List<Integer> defaultSizes();

	/**
	 * Prepare, untimed, the state every run of one tool starts from.
	 * @param server the database server
	 * @param tool the tool
	 * @param migrations the directory the generator wrote for this tool
	 * @param count how many migrations the directory holds
	 * @param launcher to run preparation steps in a child process, as the tool itself
	 * @return the starting point
	 */
	StartingPoint prepare(DatabaseServer server, Tool tool, Path migrations, int count, ChildLauncher launcher);

	/**
	 * Return the child process that measures one run.
	 * @param tool the tool
	 * @param database a fresh database from the starting point
	 * @param startingPoint the starting point it came from
	 * @param migrations the directory the generator wrote for this tool
	 * @param count how many migrations the directory holds
	 * @return the child
	 */
	ChildCommand measure(Tool tool, Database database, StartingPoint startingPoint, Path migrations, int count);

	/**
	 * Return every scenario, in the order of the report.
	 * @return the scenarios
	 */
	static List<Scenario> all() {
		return List.of(new ApplyScenario(), new AlreadyAppliedScenario("nothing-pending",
				"Nothing pending: apply with all N already applied (the startup tax)", ChildAction.NOTHING_PENDING),
				new AlreadyAppliedScenario("status", "Status (Flyway: info) with all N applied", ChildAction.STATUS),
				new SpringBootScenario(), new IntrospectScenario(Introspection.DESCRIBE),
				new IntrospectScenario(Introspection.DIFF), new SquashScenario(), new TemplateScenario(),
				new FleetScenario(false), new FleetScenario(true));
	}

}
