package dev.migrations.samples.petclinic;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Reads the vets.
 */
interface VetRepository extends Repository<Vet, Integer> {

	/**
	 * Return every vet, sorted by name.
	 * @return the vets
	 */
	List<Vet> findAllByOrderByLastNameAscFirstNameAsc();

}
