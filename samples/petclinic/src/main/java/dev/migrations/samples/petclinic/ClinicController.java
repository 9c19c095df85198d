package dev.migrations.samples.petclinic;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic over HTTP: {@code GET /vets}, {@code GET /owners?lastName=...} and
 * {@code POST /owners}.
 */
@RestController
class ClinicController {

	private final ClinicService clinic;

	ClinicController(ClinicService clinic) {
		this.clinic = clinic;
	}

	@GetMapping("/vets")
	List<VetView> vets() {
		return this.clinic.vets();
	}

	@GetMapping("/owners")
	List<OwnerView> owners(@RequestParam(defaultValue = "") String lastName) {
		return this.clinic.owners(lastName);
	}

	@PostMapping("/owners")
	@ResponseStatus(HttpStatus.CREATED)
	OwnerView register(@RequestBody NewOwner owner) {
		return this.clinic.register(owner);
	}

}
