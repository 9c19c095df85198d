package dev.migrations.benchmarks;

import java.util.List;

/**
 * The median, minimum and maximum of the runs of one tool in one cell, in milliseconds.
 *
 * @param median the median
 * @param minimum the fastest run
 * @param maximum the slowest run
 */
record Summary(double median, double minimum, double maximum) {

	static Summary of(List<Double> milliseconds) {
		if (milliseconds.isEmpty()) {
			throw new IllegalArgumentException("No runs to summarize");
		}
		List<Double> sorted = milliseconds.stream().sorted().toList();
		int middle = sorted.size() / 2;
		double median = (sorted.size() % 2 == 1) ? sorted.get(middle)
				: (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		return new Summary(median, sorted.get(0), sorted.get(sorted.size() - 1));
	}

}
