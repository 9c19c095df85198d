package dev.migrations.samples.petclinic;

import dev.migrations.testing.DatabaseKind;

/**
 * The PetClinic jar on a fresh MariaDB database: it applies
 * {@code db/migrations/mariadb}.
 */
class MariadbPetClinicIT extends PetClinicConformanceIT {

	@Override
	DatabaseKind kind() {
		return DatabaseKind.MARIADB;
	}

	@Override
	String vendor() {
		return "mariadb";
	}

}
