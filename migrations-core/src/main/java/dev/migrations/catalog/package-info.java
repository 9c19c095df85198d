/**
 * What a database holds, as read from its catalog: a
 * {@link dev.migrations.catalog.Catalog} of tables, views and the objects each database
 * has of its own, and the {@link dev.migrations.catalog.CatalogDiff differences} between
 * two catalogs. Plain values: the dialects read them, and nothing here touches a
 * database.
 */
@NullMarked
package dev.migrations.catalog;

import org.jspecify.annotations.NullMarked;
