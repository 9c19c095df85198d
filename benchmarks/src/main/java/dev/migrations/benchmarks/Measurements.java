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

	void add(Scenario scenario, DatabaseServer server, int count, Tool tool, double milliseconds) {
		this.runs
			.computeIfAbsent(new Cell(scenario.optionName(), server.optionName(), count, tool),
					(cell) -> new ArrayList<>())
			.add(milliseconds);
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
