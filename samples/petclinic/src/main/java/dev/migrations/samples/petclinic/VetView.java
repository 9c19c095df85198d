package dev.migrations.samples.petclinic;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A vet as the REST endpoint shows it.
 *
 * @param id the id
 * @param firstName the first name
 * @param lastName the last name
 * @param specialties the names of the vet's specialties, sorted
 */
public record VetView(@Nullable Integer id, String firstName, String lastName, List<String> specialties) {

	static VetView of(Vet vet) {
		return new VetView(vet.getId(), vet.getFirstName(), vet.getLastName(),
				vet.getSpecialties().stream().map(Specialty::getName).toList());
	}

}
