/**
 * Side-by-side benchmarks of the migration engine against Flyway and Liquibase.
 */
package dev.migrations.benchmarks;
