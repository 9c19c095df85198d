package dev.migrations.samples.quickstart;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads and writes the migrated tables through {@link JdbcClient}. The raw SQL is
 * unquoted: the tables the schema builder created are named in the case the database
 * folds unquoted names to.
 */
@RestController
@RequestMapping("/notes")
class NotesController {

	private static final String SELECT_NOTES = """
			SELECT n.id, b.name AS notebook, n.title, n.body, n.pinned
			FROM notes n JOIN notebooks b ON b.id = n.notebook_id
			""";

	private final JdbcClient jdbc;

	NotesController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping
	List<Note> list() {
		return this.jdbc.sql(SELECT_NOTES + "ORDER BY n.pinned DESC, n.id").query(Note.class).list();
	}

	@PostMapping
	Note create(@RequestBody NewNote note) {
		Long notebookId = this.jdbc.sql("SELECT id FROM notebooks WHERE name = ?")
			.param(note.notebook())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"No notebook named '" + note.notebook() + "'"));
		this.jdbc.sql("INSERT INTO notes (notebook_id, title, body) VALUES (?, ?, ?)")
			.params(notebookId, note.title(), note.body())
			.update();
		return this.jdbc.sql(SELECT_NOTES + "WHERE n.notebook_id = ? AND n.title = ? ORDER BY n.id DESC")
			.params(notebookId, note.title())
			.query(Note.class)
			.list()
			.get(0);
	}

}
