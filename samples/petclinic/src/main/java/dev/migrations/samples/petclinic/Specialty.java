package dev.migrations.samples.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code specialties}: what a vet is qualified in, such as surgery.
 */
@Entity
@Table(name = "specialties")
public class Specialty {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Integer id;

	private String name = "";

	public @Nullable Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
