package dev.migrations.source.scanned;

import dev.migrations.Migration;

/**
 * A base class: abstract, so skipped.
 */
public abstract class AbstractTableMigration implements Migration {

}
