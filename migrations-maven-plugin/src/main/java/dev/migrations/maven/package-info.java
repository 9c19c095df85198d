/**
 * The Maven plugin: goals ({@code mvn migrations:migrate}, {@code migrations:status},
 * ...) that run the migration commands of the standalone jar on a project's migrations.
 */
@NullMarked
package dev.migrations.maven;

import org.jspecify.annotations.NullMarked;
