package dev.migrations.benchmarks;

import java.util.List;

/**
 * The median, quartiles, minimum and maximum of the runs of one tool in one cell (or of
 * differences between runs), in milliseconds.
 *
 * @param median the median
 * @param minimum the fastest run
 * @param maximum the slowest run
 * @param lowerQuartile the value a quarter of the runs are below
 * @param upperQuartile the value a quarter of the runs are above
 */
record Summary(double median, double minimum, double maximum, double lowerQuartile, double upperQuartile) {

	static Summary of(List<Double> milliseconds) {
		if (milliseconds.isEmpty()) {
			throw new IllegalArgumentException("No runs to summarize");
		}
		List<Double> sorted = milliseconds.stream().sorted().toList();
		return new Summary(quantile(sorted, 0.5), sorted.get(0), sorted.get(sorted.size() - 1), quantile(sorted, 0.25),
				quantile(sorted, 0.75));
	}

	/**
	 * The quantile of sorted values, interpolated between the two nearest (the median of
	 * an even number of values is the mean of the middle two).
	 */
	private static double quantile(List<Double> sorted, double fraction) {
		double position = fraction * (sorted.size() - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
	}

}
