package dev.migrations.samples.petclinic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code pets}, with its type and its visits.
 */
@Entity
@Table(name = "pets")
public class Pet {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Integer id;

	private String name = "";

	@Column(name = "birth_date")
	private @Nullable LocalDate birthDate;

	@ManyToOne(optional = false)
	@JoinColumn(name = "type_id")
	private @Nullable PetType type;

	@OneToMany
	@JoinColumn(name = "pet_id")
	@OrderBy("date")
	private List<Visit> visits = new ArrayList<>();

	public @Nullable Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable LocalDate getBirthDate() {
		return this.birthDate;
	}

	public @Nullable PetType getType() {
		return this.type;
	}

	public List<Visit> getVisits() {
		return this.visits;
	}

}
