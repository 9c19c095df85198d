package dev.migrations.samples.petclinic;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An owner and their pets as the REST endpoint shows them.
 *
 * @param id the id
 * @param firstName the first name
 * @param lastName the last name
 * @param city the city
 * @param telephone the telephone number
 * @param pets the pets, by name
 */
public record OwnerView(@Nullable Integer id, String firstName, String lastName, String city, String telephone,
		List<PetView> pets) {

	static OwnerView of(Owner owner) {
		return new OwnerView(owner.getId(), owner.getFirstName(), owner.getLastName(), owner.getCity(),
				owner.getTelephone(), owner.getPets().stream().map(PetView::of).toList());
	}

	/**
	 * A pet as the REST endpoint shows it.
	 *
	 * @param name the name
	 * @param type the kind of animal
	 * @param birthDate the date of birth, if known
	 * @param visits the descriptions of its visits, oldest first
	 */
	public record PetView(String name, @Nullable String type, @Nullable LocalDate birthDate, List<String> visits) {

		static PetView of(Pet pet) {
			PetType type = pet.getType();
			return new PetView(pet.getName(), (type != null) ? type.getName() : null, pet.getBirthDate(),
					pet.getVisits().stream().map(Visit::getDescription).toList());
		}

	}

}
