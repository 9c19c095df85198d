/**
 * The quickstart: a notes service whose schema and first data come from migrations.
 */
@NullMarked
package dev.migrations.samples.quickstart;

import org.jspecify.annotations.NullMarked;
