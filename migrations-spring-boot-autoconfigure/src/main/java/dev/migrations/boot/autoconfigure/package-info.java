/**
 * Spring Boot auto-configuration for the migration engine: a
 * {@link dev.migrations.runner.MigrationRunner} per database, built from properties
 * ({@code migrations.*}) and beans, and a {@link MigrationsInitializer} that migrates
 * before anything else uses the database.
 */
@NullMarked
package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
