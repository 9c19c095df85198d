package dev.migrations.samples.petclinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A veterinary clinic on H2, PostgreSQL or MariaDB from the same jar. The starter applies
 * the migrations of {@code db/migrations/{vendor}} for the database in use before
 * Hibernate validates the entities against the tables they created.
 */
@SpringBootApplication
public class PetClinicApplication {

	public static void main(String[] args) {
		SpringApplication.run(PetClinicApplication.class, args);
	}

}
