package dev.migrations.source.scanned;

/**
 * A class beside the migrations that is not one: skipped.
 */
public class NotAMigration {

}
