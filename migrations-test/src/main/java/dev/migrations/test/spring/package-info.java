/**
 * Migrated databases for Spring tests: {@link AutoConfigureMigratedDatabase} replaces the
 * application's DataSource with fresh copies of a migrated template.
 */
@NullMarked
package dev.migrations.test.spring;

import org.jspecify.annotations.NullMarked;
