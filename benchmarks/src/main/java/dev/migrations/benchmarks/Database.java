package dev.migrations.benchmarks;

/**
 * A database one run works on, created and dropped by its {@link DatabaseServer}.
 *
 * @param name the name, unique within its server
 * @param url the JDBC URL a child process connects with
 */
record Database(String name, String url) {

}
