package dev.migrations.samples.quickstart;

/**
 * Another test class, which reuses the cached context of the first on a copy of its own:
 * it does not see the note the first wrote.
 */
class SecondMigratedNotesTests extends MigratedNotesTestCase {

}
