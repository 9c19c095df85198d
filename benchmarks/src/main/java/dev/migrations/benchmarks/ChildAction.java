package dev.migrations.benchmarks;

/**
 * What a {@link BenchmarkChild} asks its tool to do, and what it then expects.
 */
enum ChildAction {

	/** Apply every migration on an empty database; all N must be applied. */
	APPLY,

	/** Apply on a database where all N are applied already; nothing may be applied. */
	NOTHING_PENDING,

	/** Report the status of a database where all N are applied; N must be listed. */
	STATUS

}
