/**
 * Finding migrations: SQL files in locations, and the statement splitter.
 */
@NullMarked
package dev.migrations.source;

import org.jspecify.annotations.NullMarked;
