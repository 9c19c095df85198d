package dev.migrations.samples.petclinic;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the clinic through the repositories, in one transaction per call, and
 * returns views with nothing left to load lazily.
 */
@Service
class ClinicService {

	private final VetRepository vets;

	private final OwnerRepository owners;

	ClinicService(VetRepository vets, OwnerRepository owners) {
		this.vets = vets;
		this.owners = owners;
	}

	@Transactional(readOnly = true)
	List<VetView> vets() {
		return this.vets.findAllByOrderByLastNameAscFirstNameAsc().stream().map(VetView::of).toList();
	}

	@Transactional(readOnly = true)
	List<OwnerView> owners(String lastNamePrefix) {
		return this.owners.findByLastNameStartingWithOrderByLastNameAscFirstNameAsc(lastNamePrefix)
			.stream()
			.map(OwnerView::of)
			.toList();
	}

	@Transactional
	OwnerView register(NewOwner newOwner) {
		return OwnerView.of(this.owners.save(new Owner(newOwner)));
	}

}
