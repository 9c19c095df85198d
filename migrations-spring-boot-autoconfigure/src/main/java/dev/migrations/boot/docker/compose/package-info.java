/**
 * Docker Compose support: the JDBC database services that Spring Boot's Docker Compose
 * support connects the application to supply the connection that migrations open for
 * themselves.
 */
@NullMarked
package dev.migrations.boot.docker.compose;

import org.jspecify.annotations.NullMarked;
