package dev.migrations.samples.quickstart;

/**
 * One test class on its own copy of the migrated notes.
 */
class FirstMigratedNotesTests extends MigratedNotesTestCase {

}
