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

	private final Map<Cell, List<Double>> cpu = new HashMap<>();

	private final Map<Cell, Integer> connections = new HashMap<>();

	void add(Scenario scenario, DatabaseServer server, int count, Tool tool, double milliseconds) {
		this.runs.computeIfAbsent(Cell.of(scenario, server, count, tool), (cell) -> new ArrayList<>())
			.add(milliseconds);
	}

	/**
	 * Record the CPU time the measured thread of one run used while its clock ran.
	 * @param scenario the scenario
	 * @param server the database
	 * @param count the number of migrations
	 * @param tool the tool
	 * @param milliseconds the CPU time
	 */
	void addCpu(Scenario scenario, DatabaseServer server, int count, Tool tool, double milliseconds) {
		this.cpu.computeIfAbsent(Cell.of(scenario, server, count, tool), (cell) -> new ArrayList<>()).add(milliseconds);
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
		this.connections.merge(Cell.of(scenario, server, count, tool), peak, Math::max);
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
		return this.connections.get(Cell.of(scenario, server, count, tool));
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
		return summary(this.runs.get(Cell.of(scenario, server, count, tool)));
	}

	/**
	 * Summarize the CPU time of the runs of one tool in one cell.
	 * @param scenario the scenario
	 * @param server the database
	 * @param count the number of migrations
	 * @param tool the tool
	 * @return the summary, or {@code null} when no run reported it
	 */
	Summary cpu(Scenario scenario, DatabaseServer server, int count, Tool tool) {
		return summary(this.cpu.get(Cell.of(scenario, server, count, tool)));
	}

	/**
	 * Summarize the differences, round by round, between the runs of one tool and those
	 * of the tool it adds to in one cell. The runs of one round are seconds apart, so a
	 * machine that slows down and recovers over minutes moves both, and their difference
	 * less than it moves the medians.
	 * @param scenario the scenario
	 * @param server the database
	 * @param count the number of migrations
	 * @param tool the tool
	 * @param baseline the tool it adds to
	 * @param cpu whether to compare the CPU time of the measured thread rather than the
	 * clock
	 * @return the summary of the differences, or {@code null} when either tool did not
	 * run there or did not run as many times
	 */
	Summary differences(Scenario scenario, DatabaseServer server, int count, Tool tool, Tool baseline, boolean cpu) {
		Map<Cell, List<Double>> figures = cpu ? this.cpu : this.runs;
		List<Double> runs = figures.get(Cell.of(scenario, server, count, tool));
		List<Double> baselineRuns = figures.get(Cell.of(scenario, server, count, baseline));
		if (runs == null || baselineRuns == null || runs.size() != baselineRuns.size()) {
			return null;
		}
		List<Double> differences = new ArrayList<>();
		for (int round = 0; round < runs.size(); round++) {
			differences.add(runs.get(round) - baselineRuns.get(round));
		}
		return Summary.of(differences);
	}

	private static Summary summary(List<Double> milliseconds) {
		return (milliseconds != null) ? Summary.of(milliseconds) : null;
	}

	private record Cell(String scenario, String database, int count, Tool tool) {

		static Cell of(Scenario scenario, DatabaseServer server, int count, Tool tool) {
			return new Cell(scenario.optionName(), server.optionName(), count, tool);
		}

	}

}
