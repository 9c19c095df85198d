/**
 * Finding migrations: SQL files in locations, read and split into statements, and Java
 * migration classes found by scanning packages.
 */
@NullMarked
package dev.migrations.source;

import org.jspecify.annotations.NullMarked;
