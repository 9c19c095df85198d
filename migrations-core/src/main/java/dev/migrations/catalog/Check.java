package dev.migrations.catalog;

/**
 * A check constraint. Immutable.
 *
 * @param name its name
 * @param expression its expression as the database writes it back
 */
public record Check(String name, String expression) {

}
