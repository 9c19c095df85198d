package dev.migrations.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results as Markdown tables, ready to paste into a README: one table per
 * scenario, the tools as rows, each database and number of migrations as a column with
 * {@code median ms (min–max)}, followed by each tool's ratio to plain JDBC and to this
 * library.
 */
final class Report {

	private final PrintStream out;

	Report(PrintStream out) {
		this.out = out;
	}

	void heading(List<String> machine, List<String> databases, int runs) {
		this.out.println("## Machine");
		this.out.println();
		machine.forEach((line) -> this.out.println("- " + line));
		databases.forEach((line) -> this.out.println("- " + line));
		this.out.println("- Tools: " + String.join(", ", List.of(Tool.MIGRATIONS.label(), Tool.FLYWAY.label(),
				Tool.LIQUIBASE.label(), "HikariCP " + Tool.mavenVersion("com.zaxxer", "HikariCP"))));
		this.out.println("- " + runs + " measured run" + ((runs == 1) ? "" : "s")
				+ " per tool and cell, each in a fresh JVM, the tools' order rotated every round");
		this.out.println();
	}

	void scenario(Scenario scenario, List<Tool> tools, List<DatabaseServer> servers, List<Integer> sizes,
			Measurements measurements) {
		boolean plain = tools.contains(Tool.PLAIN_JDBC);
		boolean migrations = tools.contains(Tool.MIGRATIONS);
		this.out.println("## " + scenario.title());
		this.out.println();
		List<String> header = new ArrayList<>(List.of("tool"));
		List<String> alignment = new ArrayList<>(List.of("---"));
		for (DatabaseServer server : servers) {
			for (int size : sizes) {
				header.add(server.displayName() + ", N=" + size);
				alignment.add("---:");
				if (plain) {
					header.add("× plain");
					alignment.add("---:");
				}
				if (migrations) {
					header.add("× migrations");
					alignment.add("---:");
				}
			}
		}
		row(header);
		row(alignment);
		for (Tool tool : tools) {
			List<String> cells = new ArrayList<>(List.of(tool.label()));
			for (DatabaseServer server : servers) {
				for (int size : sizes) {
					Summary summary = measurements.summary(scenario, server, size, tool);
					cells.add((summary != null) ? milliseconds(summary.median()) + " ms ("
							+ milliseconds(summary.minimum()) + "–" + milliseconds(summary.maximum()) + ")" : "");
					if (plain) {
						cells.add(ratio(summary, measurements.summary(scenario, server, size, Tool.PLAIN_JDBC)));
					}
					if (migrations) {
						cells.add(ratio(summary, measurements.summary(scenario, server, size, Tool.MIGRATIONS)));
					}
				}
			}
			row(cells);
		}
		this.out.println();
		connections(scenario, tools, servers, sizes, measurements);
		if (sizes.contains(1000) && sizes.contains(5000)) {
			growth(scenario, tools, servers, measurements);
		}
	}

	private void connections(Scenario scenario, List<Tool> tools, List<DatabaseServer> servers, List<Integer> sizes,
			Measurements measurements) {
		List<String> header = new ArrayList<>(List.of("tool"));
		List<String> alignment = new ArrayList<>(List.of("---"));
		List<List<String>> rows = new ArrayList<>();
		boolean any = false;
		for (DatabaseServer server : servers) {
			for (int size : sizes) {
				header.add(server.displayName() + ", N=" + size);
				alignment.add("---:");
			}
		}
		for (Tool tool : tools) {
			List<String> cells = new ArrayList<>(List.of(tool.label()));
			for (DatabaseServer server : servers) {
				for (int size : sizes) {
					Integer peak = measurements.connections(scenario, server, size, tool);
					any |= peak != null;
					cells.add((peak != null) ? peak.toString() : "");
				}
			}
			rows.add(cells);
		}
		if (!any) {
			return;
		}
		this.out.println("Peak connections in use at once (the highest of the runs):");
		this.out.println();
		row(header);
		row(alignment);
		rows.forEach(this::row);
		this.out.println();
	}

	private void growth(Scenario scenario, List<Tool> tools, List<DatabaseServer> servers, Measurements measurements) {
		this.out.println("Median at N=5000 ÷ median at N=1000 (5.0 is linear):");
		this.out.println();
		List<String> header = new ArrayList<>(List.of("tool"));
		List<String> alignment = new ArrayList<>(List.of("---"));
		for (DatabaseServer server : servers) {
			header.add(server.displayName());
			alignment.add("---:");
		}
		row(header);
		row(alignment);
		for (Tool tool : tools) {
			List<String> cells = new ArrayList<>(List.of(tool.label()));
			for (DatabaseServer server : servers) {
				cells.add(ratio(measurements.summary(scenario, server, 5000, tool),
						measurements.summary(scenario, server, 1000, tool)));
			}
			row(cells);
		}
		this.out.println();
	}

	private void row(List<String> cells) {
		this.out.println("| " + String.join(" | ", cells) + " |");
	}

	private static String milliseconds(double value) {
		return String.format(Locale.ROOT, (value < 10) ? "%.1f" : "%.0f", value);
	}

	private static String ratio(Summary summary, Summary reference) {
		if (summary == null || reference == null || reference.median() == 0) {
			return "";
		}
		return String.format(Locale.ROOT, "%.2f", summary.median() / reference.median());
	}

}
