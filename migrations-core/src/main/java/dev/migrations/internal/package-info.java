/**
 * JDBC helpers the packages above share: opening a connection with an error that says
 * what to do, transactions, masking a data source's failures, changing the session of
 * each connection a data source opens, the host a run names. Not API: only the core uses
 * it, and it may change in any release.
 */
@NullMarked
package dev.migrations.internal;

import org.jspecify.annotations.NullMarked;
