package dev.migrations.samples.petclinic;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Finds and registers owners.
 */
interface OwnerRepository extends Repository<Owner, Integer> {

	/**
	 * Return the owners whose last name starts with a prefix, sorted by name.
	 * @param prefix the start of the last name, empty for every owner
	 * @return the owners
	 */
	List<Owner> findByLastNameStartingWithOrderByLastNameAscFirstNameAsc(String prefix);

	/**
	 * Insert an owner.
	 * @param owner the owner
	 * @return the owner, with its id
	 */
	Owner save(Owner owner);

}
