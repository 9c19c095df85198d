package dev.migrations.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results as Markdown tables, ready to paste into a README: one table per
 * scenario, the tools as rows, each database and number of migrations as a column with
 * {@code median ms (min–max)}, followed by each tool's ratio to plain JDBC and to this
 * library. Where a scenario names {@linkplain Scenario#baselines() baselines}, a table of
 * each tool's median minus its baseline's follows, and the median of the differences
 * between the runs of each round; where the children reported it, the CPU time of the
 * measured thread, and the same differences of it.
 */
final class Report {

	private static final String PAIRED = "run minus the run of the row it adds to in the same round, seconds apart: "
			+ "the median of the rounds, and in brackets the middle half of them:";

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
		List<String> ratios = new ArrayList<>();
		if (plain) {
			ratios.add("× plain");
		}
		if (migrations) {
			ratios.add("× migrations");
		}
		header(List.of("tool"), servers, sizes, ratios);
		for (Tool tool : tools) {
			List<String> cells = new ArrayList<>(List.of(tool.label()));
			for (DatabaseServer server : servers) {
				for (int size : sizes) {
					Summary summary = measurements.summary(scenario, server, size, tool);
					cells.add(range(summary));
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
		differences("Median minus the median of the row it adds to:", scenario, tools, servers, sizes,
				medianDifference(scenario, measurements::summary));
		differences("Each " + PAIRED, scenario, tools, servers, sizes, pairedDifference(scenario, measurements, false));
		cpu(scenario, tools, servers, sizes, measurements);
		connections(scenario, tools, servers, sizes, measurements);
		if (sizes.contains(1000) && sizes.contains(5000)) {
			growth(scenario, tools, servers, measurements);
		}
	}

	private void cpu(Scenario scenario, List<Tool> tools, List<DatabaseServer> servers, List<Integer> sizes,
			Measurements measurements) {
		boolean printed = tableIfAny(
				"CPU time of the measured thread while the clock ran (without the JIT compilers' and other threads'; "
						+ "less disturbed than the clock by other work on the machine):",
				tools, servers, sizes, (server, size, tool) -> range(measurements.cpu(scenario, server, size, tool)));
		if (printed) {
			differences("CPU time: median minus the median of the row it adds to:", scenario, tools, servers, sizes,
					medianDifference(scenario, measurements::cpu));
			differences("CPU time: each " + PAIRED, scenario, tools, servers, sizes,
					pairedDifference(scenario, measurements, true));
		}
	}

	private static Cell medianDifference(Scenario scenario, Figure figure) {
		return (server, size, tool) -> {
			Summary summary = figure.of(scenario, server, size, tool);
			Summary reference = figure.of(scenario, server, size, scenario.baselines().get(tool));
			return (summary != null && reference != null)
					? String.format(Locale.ROOT, "%+.0f ms", summary.median() - reference.median()) : "";
		};
	}

	private static Cell pairedDifference(Scenario scenario, Measurements measurements, boolean cpu) {
		return (server, size, tool) -> {
			Summary differences = measurements.differences(scenario, server, size, tool, scenario.baselines().get(tool),
					cpu);
			return (differences != null) ? String.format(Locale.ROOT, "%+.0f ms (%+.0f to %+.0f)", differences.median(),
					differences.lowerQuartile(), differences.upperQuartile()) : "";
		};
	}

	private void differences(String title, Scenario scenario, List<Tool> tools, List<DatabaseServer> servers,
			List<Integer> sizes, Cell difference) {
		List<Tool> compared = tools.stream().filter((tool) -> tools.contains(scenario.baselines().get(tool))).toList();
		if (compared.isEmpty()) {
			return;
		}
		this.out.println(title);
		this.out.println();
		header(List.of("tool", "adds to"), servers, sizes, List.of());
		for (Tool tool : compared) {
			Tool baseline = scenario.baselines().get(tool);
			List<String> cells = new ArrayList<>(List.of(tool.label(), baseline.label()));
			for (DatabaseServer server : servers) {
				for (int size : sizes) {
					cells.add(difference.text(server, size, tool));
				}
			}
			row(cells);
		}
		this.out.println();
	}

	private void connections(Scenario scenario, List<Tool> tools, List<DatabaseServer> servers, List<Integer> sizes,
			Measurements measurements) {
		tableIfAny("Peak connections in use at once (the highest of the runs):", tools, servers, sizes,
				(server, size, tool) -> {
					Integer peak = measurements.connections(scenario, server, size, tool);
					return (peak != null) ? peak.toString() : "";
				});
	}

	/**
	 * Print a table of one cell per tool, database and number of migrations, unless every
	 * cell is empty.
	 * @return whether it was printed
	 */
	private boolean tableIfAny(String title, List<Tool> tools, List<DatabaseServer> servers, List<Integer> sizes,
			Cell cell) {
		List<List<String>> rows = new ArrayList<>();
		boolean any = false;
		for (Tool tool : tools) {
			List<String> cells = new ArrayList<>(List.of(tool.label()));
			for (DatabaseServer server : servers) {
				for (int size : sizes) {
					String text = cell.text(server, size, tool);
					any |= !text.isEmpty();
					cells.add(text);
				}
			}
			rows.add(cells);
		}
		if (any) {
			this.out.println(title);
			this.out.println();
			header(List.of("tool"), servers, sizes, List.of());
			rows.forEach(this::row);
			this.out.println();
		}
		return any;
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

	/**
	 * Print a table's header: the leading columns, then for each database and number of
	 * migrations a column of figures followed by the given columns.
	 */
	private void header(List<String> leading, List<DatabaseServer> servers, List<Integer> sizes,
			List<String> following) {
		List<String> header = new ArrayList<>(leading);
		List<String> alignment = new ArrayList<>(leading.stream().map((column) -> "---").toList());
		for (DatabaseServer server : servers) {
			for (int size : sizes) {
				header.add(server.displayName() + ", N=" + size);
				header.addAll(following);
				for (int column = 0; column <= following.size(); column++) {
					alignment.add("---:");
				}
			}
		}
		row(header);
		row(alignment);
	}

	private void row(List<String> cells) {
		this.out.println("| " + String.join(" | ", cells) + " |");
	}

	private static String range(Summary summary) {
		return (summary != null) ? milliseconds(summary.median()) + " ms (" + milliseconds(summary.minimum()) + "–"
				+ milliseconds(summary.maximum()) + ")" : "";
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

	/**
	 * The text of one cell: a tool's figure on a database and number of migrations.
	 */
	@FunctionalInterface
	private interface Cell {

		String text(DatabaseServer server, int size, Tool tool);

	}

	/**
	 * One figure of the runs of a tool in a cell.
	 */
	@FunctionalInterface
	private interface Figure {

		Summary of(Scenario scenario, DatabaseServer server, int size, Tool tool);

	}

}
