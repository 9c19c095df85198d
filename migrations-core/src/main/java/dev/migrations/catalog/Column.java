package dev.migrations.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A column of a table. Immutable.
 *
 * @param name the name, as the database stores it
 * @param type the type as the dialect normalises it, lower case, with its length,
 * precision and scale where it has them: {@code varchar(255)}, {@code numeric(10,2)},
 * {@code bigint}, {@code timestamp}
 * @param nullable whether it takes {@code NULL}
 * @param defaultValue its default as the database writes it, or {@code null} when it has
 * none (an identity or auto-increment column has none)
 * @param autoIncrement whether the database numbers it (identity, {@code SERIAL},
 * {@code AUTO_INCREMENT}, SQLite's {@code INTEGER PRIMARY KEY AUTOINCREMENT})
 * @param comment its comment, or {@code null}
 */
public record Column(String name, String type, boolean nullable, @Nullable String defaultValue, boolean autoIncrement,
		@Nullable String comment) {

}
