package dev.migrations.boot.autoconfigure.entities.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A book, new in the second version of the application: written by an author, found by
 * its title.
 */
@Entity
@Table(name = "books", indexes = @Index(name = "books_title_idx", columnList = "title"))
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	@ManyToOne
	private Author author;

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Author getAuthor() {
		return this.author;
	}

}
