package dev.migrations.boot.autoconfigure.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the migrated {@code users} table.
 */
@Entity
@Table(name = "users")
public class User {

	@Id
	private Long id;

	private String email;

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

}
