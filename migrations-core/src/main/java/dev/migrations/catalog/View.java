package dev.migrations.catalog;

/**
 * A view. Immutable.
 *
 * @param name its name
 * @param definition its query as the database writes it back, with runs of white space
 * made one space
 */
public record View(String name, String definition) {

}
