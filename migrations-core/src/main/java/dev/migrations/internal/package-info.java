/**
 * Internals of the engine; not API, may change without notice.
 */
@NullMarked
package dev.migrations.internal;

import org.jspecify.annotations.NullMarked;
