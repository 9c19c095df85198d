/**
 * Locks that serialise migration runs across processes.
 */
@NullMarked
package dev.migrations.lock;

import org.jspecify.annotations.NullMarked;
