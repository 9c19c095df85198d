package dev.migrations.test.spring.examples;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the migrated {@code notes} table.
 */
@Entity
@Table(name = "notes")
public class Note {

	@Id
	private Integer id;

	private String body;

	protected Note() {
	}

	public Note(Integer id, String body) {
		this.id = id;
		this.body = body;
	}

	public String getBody() {
		return this.body;
	}

}
