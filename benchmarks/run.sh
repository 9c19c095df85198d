#!/bin/sh
# Builds the benchmarks module (and what it depends on, without tests) and runs the
# benchmark: every measured run in a fresh JVM on the module's runtime class path.
# Options are passed on; see benchmarks/run.sh --help.
set -e
cd "$(dirname "$0")/.."
mvn -q -B -pl benchmarks -am package -DskipTests
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime-class-path.txt)" \
	dev.migrations.benchmarks.Benchmark "$@"
