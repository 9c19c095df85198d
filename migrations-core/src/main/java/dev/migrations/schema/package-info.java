/**
 * Recording the operations of a migration as a plan.
 */
@NullMarked
package dev.migrations.schema;

import org.jspecify.annotations.NullMarked;
