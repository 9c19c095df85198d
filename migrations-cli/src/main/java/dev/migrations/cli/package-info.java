/**
 * The standalone command-line tool: an executable jar that takes a JDBC URL and locations
 * and runs the migration commands.
 */
@NullMarked
package dev.migrations.cli;

import org.jspecify.annotations.NullMarked;
