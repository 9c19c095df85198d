/**
 * A Spring Boot application whose migrations are indexed at build time.
 */
@NullMarked
package dev.migrations.samples.aot;

import org.jspecify.annotations.NullMarked;
