/**
 * Recording applied migrations in the database.
 */
@NullMarked
package dev.migrations.ledger;

import org.jspecify.annotations.NullMarked;
