/**
 * SQL text: the statement splitter and the statements it finds, as each database's own
 * client reads a script. Depends on nothing else in the core.
 */
@NullMarked
package dev.migrations.sql;

import org.jspecify.annotations.NullMarked;
