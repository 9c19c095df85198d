package db.testmod.notes;

import java.util.concurrent.atomic.AtomicInteger;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

/**
 * Counts how often the migrations of {@code classpath:db/testmod/notes} run, so that a
 * test can assert that a template is migrated once.
 */
public class M20240101000200_CountTemplateRuns implements Migration {

	/** The runs of this migration in this JVM. */
	public static final AtomicInteger RUNS = new AtomicInteger();

	@Override
	public void up(Schema schema) {
		schema.jdbc((connection) -> RUNS.incrementAndGet());
	}

	@Override
	public void down(Schema schema) {
	}

}
