/**
 * The PetClinic sample: Spring PetClinic's schema and first data written once per
 * database, the folder of the database in use read through {@code {vendor}}, and JPA
 * validating the migrated schema.
 */
@NullMarked
package dev.migrations.samples.petclinic;

import org.jspecify.annotations.NullMarked;
