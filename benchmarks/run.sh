#!/bin/sh
# Builds the benchmarks module (and what it depends on, without tests) and runs the
# benchmark: every measured run in a fresh JVM on the module's runtime class path.
# Options are passed on; see benchmarks/run.sh --help. Only the report goes to standard
# output (benchmarks/run.sh > report.md); the build's and the progress messages go to
# standard error.
set -e
cd "$(dirname "$0")/.."
mvn -q -B -pl benchmarks -am package -DskipTests >&2
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime-class-path.txt)" \
	dev.migrations.benchmarks.Benchmark "$@"
