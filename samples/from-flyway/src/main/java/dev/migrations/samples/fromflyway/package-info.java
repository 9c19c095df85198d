/**
 * A shop service whose schema Flyway managed, moved to the starter by following the
 * Flyway guide.
 */
@NullMarked
package dev.migrations.samples.fromflyway;

import org.jspecify.annotations.NullMarked;
