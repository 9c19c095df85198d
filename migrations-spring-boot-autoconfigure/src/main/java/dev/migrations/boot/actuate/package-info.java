/**
 * Actuator support for migrations: the {@code migrations} endpoint and health
 * contributor, each with its own auto-configuration.
 */
@NullMarked
package dev.migrations.boot.actuate;

import org.jspecify.annotations.NullMarked;
