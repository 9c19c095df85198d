package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every measured run, by scenario, database, number of migrations and tool.
 */
final class Measurements {

	private final Map<Cell, List<Double>> runs = new HashMap<>();

	private final Map<Cell, Integer> connections = new HashMap<>();

	void add(Scenario scenario, DatabaseServer server, int count, Tool tool, double milliseconds) {
		this.runs
			.computeIfAbsent(new Cell(scenario.optionName(), server.optionName(), count, tool),
					(cell) -> new ArrayList<>())
			.add(milliseconds);
	}

	/**
	 * Record the peak number of connections one run held at once.
	 * @param scenario the scenario
	 * @param server the database
	 * @param count the number of migrations
	 * @param tool the tool
	 * @param peak the number
	 */
	void addConnections(Scenario scenario, DatabaseServer server, int count, Tool tool, int peak) {
		this.connections.merge(new Cell(scenario.optionName(), server.optionName(), count, tool), peak, Math::max);
	}

	/**
	 * Return the highest number of connections any run of one tool in one cell held at
	 * once.
	 * @param scenario the scenario
	 * @param server the database
	 * @param count the number of migrations
	 * @param tool the tool
	 * @return the number, or {@code null} when no run reported it
	 */
	Integer connections(Scenario scenario, DatabaseServer server, int count, Tool tool) {
		return this.connections.get(new Cell(scenario.optionName(), server.optionName(), count, tool));
	}

	/**
	 * Summarize the runs of one tool in one cell.
	 * @param scenario the scenario
	 * @param server the database
	 * @param count the number of migrations
	 * @param tool the tool
	 * @return the summary, or {@code null} when the tool did not run there
	 */
	Summary summary(Scenario scenario, DatabaseServer server, int count, Tool tool) {
		List<Double> milliseconds = this.runs.get(new Cell(scenario.optionName(), server.optionName(), count, tool));
		return (milliseconds != null) ? Summary.of(milliseconds) : null;
	}

	private record Cell(String scenario, String database, int count, Tool tool) {

	}

}
