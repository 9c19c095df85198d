/**
 * Testcontainers support: {@code @ServiceConnection} on a JDBC database container
 * supplies the connection that migrations open for themselves.
 */
@NullMarked
package dev.migrations.boot.testcontainers;

import org.jspecify.annotations.NullMarked;
