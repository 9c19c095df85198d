/**
 * Recording the operations of a migration as a plan, and the schema builder that records
 * table changes as dialect-neutral, reversible
 * {@link dev.migrations.schema.TableOperation}s.
 */
@NullMarked
package dev.migrations.schema;

import org.jspecify.annotations.NullMarked;
