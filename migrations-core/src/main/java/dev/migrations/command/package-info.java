/**
 * The command line of the migration engine ({@code migrate}, {@code migrate:status},
 * {@code make:migration}...), shared by the standalone jar and Spring Boot applications.
 */
@NullMarked
package dev.migrations.command;

import org.jspecify.annotations.NullMarked;
