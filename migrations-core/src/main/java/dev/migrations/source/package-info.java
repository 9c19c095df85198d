/**
 * Finding migrations: SQL files in locations, read and split into statements.
 */
@NullMarked
package dev.migrations.source;

import org.jspecify.annotations.NullMarked;
