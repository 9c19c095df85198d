package dev.migrations.samples.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code types}: the kind of animal a pet is, such as cat.
 */
@Entity
@Table(name = "types")
public class PetType {

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
