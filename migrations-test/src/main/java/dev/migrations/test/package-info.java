/**
 * Migrated databases for tests: the migrations are applied once per JVM into a template
 * database ({@link dev.migrations.test.DatabaseTemplate}), and each test class or method
 * gets a fresh copy of it ({@link dev.migrations.test.DatabaseCopy}), through the JUnit
 * extension ({@link dev.migrations.test.MigratedDatabase}) or directly.
 */
@NullMarked
package dev.migrations.test;

import org.jspecify.annotations.NullMarked;
