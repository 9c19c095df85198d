/**
 * Micrometer support for migrations: observations around runs and migrations, gauges of
 * applied and pending migrations and a timer of the lock wait, each set up by its own
 * auto-configuration.
 */
@NullMarked
package dev.migrations.boot.metrics;

import org.jspecify.annotations.NullMarked;
