/**
 * Spring Boot auto-configuration for the migration engine.
 */
package dev.migrations.boot.autoconfigure;
