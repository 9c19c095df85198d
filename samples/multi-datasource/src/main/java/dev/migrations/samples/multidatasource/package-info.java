/**
 * Two DataSources, each migrated by its own {@code migrations.instances} entry.
 */
@NullMarked
package dev.migrations.samples.multidatasource;

import org.jspecify.annotations.NullMarked;
