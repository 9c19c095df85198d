package dev.migrations.samples.petclinic;

import dev.migrations.testing.DatabaseKind;

/**
 * The PetClinic jar on a fresh PostgreSQL database: it applies
 * {@code db/migrations/postgresql}.
 */
class PostgresqlPetClinicIT extends PetClinicConformanceIT {

	@Override
	DatabaseKind kind() {
		return DatabaseKind.POSTGRESQL;
	}

	@Override
	String vendor() {
		return "postgresql";
	}

}
