/**
 * The public API of the migration engine: migrations, their ids and descriptors, and the
 * runner.
 */
@NullMarked
package dev.migrations;

import org.jspecify.annotations.NullMarked;
