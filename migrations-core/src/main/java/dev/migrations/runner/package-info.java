/**
 * The runner: {@link dev.migrations.runner.MigrationRunner} and the engine under it,
 * which applies and rolls back plans under the lock, records them in the ledger and
 * explains failures.
 */
@NullMarked
package dev.migrations.runner;

import org.jspecify.annotations.NullMarked;
