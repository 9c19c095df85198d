package dev.migrations.samples.petclinic;

import dev.migrations.testing.DatabaseKind;

/**
 * The PetClinic jar on a fresh H2 file database (in auto-server mode, so the test reads
 * it while the jar runs): it applies {@code db/migrations/h2}.
 */
class H2PetClinicIT extends PetClinicConformanceIT {

	@Override
	DatabaseKind kind() {
		return DatabaseKind.H2;
	}

	@Override
	String vendor() {
		return "h2";
	}

}
