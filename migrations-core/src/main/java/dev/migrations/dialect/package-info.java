/**
 * What the engine knows about each kind of database.
 */
@NullMarked
package dev.migrations.dialect;

import org.jspecify.annotations.NullMarked;
