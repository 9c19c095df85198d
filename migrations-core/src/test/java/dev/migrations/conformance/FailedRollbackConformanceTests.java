package dev.migrations.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.Remedy;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import static dev.migrations.conformance.RunnerConformanceTests.ids;
import static dev.migrations.conformance.RunnerConformanceTests.stateById;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A rollback whose down migration fails part-way says what it left behind and what to do,
 * and doing that works: where the failure could not be rolled back, the rollback is
 * finished by hand and repair records the migration as rolled back; where it could, the
 * migration is still applied and is rolled back again once its down migration is fixed.
 * Either way the rest of the rollback is named, with how to roll back just that.
 */
abstract class FailedRollbackConformanceTests extends FreshDatabaseTests {

	private static final String NOTES = "20240101000000_create_notes";

	private static final String TAGS = "20240102000000_create_tags";

	private static final String LABELS = "20240103000000_create_labels";

	private static final String COLOURS = "20240104000000_create_colours";

	private static final String TAGS_UP = """
			CREATE TABLE tags (id INT PRIMARY KEY);
			CREATE TABLE tag_links (id INT PRIMARY KEY);
			""";

	/** Fails at its second statement, on line 2. */
	private static final String TAGS_DOWN = """
			DROP TABLE tag_links;
			DROP TABLE no_such_table;
			DROP TABLE tags;
			""";

	@Test
	void aRollbackThatFailsOutsideATransactionIsFinishedByHandThenRepairedAndTheSameRollbackDoesTheRest()
			throws IOException {
		reversible(NOTES, "notes");
		write(TAGS + ".up.sql", "-- migrations: no-transaction\n" + TAGS_UP);
		write(TAGS + ".down.sql", TAGS_DOWN);
		runner().applyAll();
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().rollback())
			.satisfies((ex) -> assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.FINISH_ROLLBACK_BY_HAND))
			.satisfies((ex) -> assertThat(ex.remedy().fact(Remedy.Fact.STILL_APPLIED)).isEqualTo("m_" + NOTES))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains("Migration m_" + TAGS + " failed while rolling back at statement 2 of 3 (line 2) of ")
				.contains("no_such_table")
				.contains("Next step: the database may be partly rolled back (" + dialect()
						+ ", migration runs outside a transaction), and the ledger marks m_" + TAGS + " FAILED")
				.contains("Finish the rollback by hand: do what statement 2 (line 2) and the statements after it in "
						+ downFile(TAGS) + " would have done")
				.contains("Then run repair (runner.repair()): it removes the FAILED row, so that m_" + TAGS
						+ " counts as rolled back")
				.endsWith("Of what this rollback was to undo, m_" + NOTES
						+ " is still applied: the same rollback again undoes it.")
				.doesNotContain("apply again"));
		assertThat(tables()).contains("notes", "tags").doesNotContain("tag_links");
		assertThat(stateById(runner().status())).containsExactly(Map.entry("m_" + NOTES, MigrationState.APPLIED),
				Map.entry("m_" + TAGS, MigrationState.FAILED));
		assertThat(runner().validate()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("failed while rolling back"))
			.satisfies((problem) -> assertThat(problem.remedy().kind()).isEqualTo(Remedy.Kind.REPAIR_THEN_RETRY))
			.satisfies((problem) -> assertThat(problem.action()).contains("finish a failed rollback")
				.contains("repair (runner.repair()), which removes the FAILED row"));
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().rollback())
			.withMessageStartingWith("Migrations cannot be rolled back; nothing was changed. 1 problem:");

		this.database.execute("DROP TABLE tags");
		assertThat(runner().repair(false)).containsExactly("Removed FAILED row of m_" + TAGS);
		assertThat(stateById(runner().status())).containsExactly(Map.entry("m_" + NOTES, MigrationState.APPLIED),
				Map.entry("m_" + TAGS, MigrationState.PENDING));
		assertThat(ids(runner().rollback())).containsExactly("m_" + NOTES);
		assertThat(tables()).isEmpty();
		assertThat(ids(runner().applyAll())).containsExactly("m_" + NOTES, "m_" + TAGS);
		assertThat(tables()).contains("notes", "tags", "tag_links");
	}

	@Test
	void aRollbackThatFailsInATransactionLeavesTheMigrationAppliedWhereDdlIsTransactional() throws IOException {
		reversible(NOTES, "notes");
		write(TAGS + ".up.sql", TAGS_UP);
		write(TAGS + ".down.sql", TAGS_DOWN);
		runner().applyAll();
		MigrationExecutionException exception = assertThatExceptionOfType(MigrationExecutionException.class)
			.isThrownBy(() -> runner().rollback())
			.actual();
		String failure = exception.getMessage();
		assertThat(exception.remedy().kind())
			.isEqualTo(transactionalDdl() ? Remedy.Kind.FIX_AND_RETRY : Remedy.Kind.FINISH_ROLLBACK_BY_HAND);
		assertThat(failure)
			.contains("Migration m_" + TAGS + " failed while rolling back at statement 2 of 3 (line 2) of ")
			.doesNotContain("apply again");
		if (transactionalDdl()) {
			assertThat(failure)
				.contains("Next step: the rollback and its ledger change were rolled back together, so nothing of "
						+ downFile(TAGS) + " took effect and m_" + TAGS
						+ " is still applied. Fix the down migration and run again.")
				.endsWith("Of what this rollback was to undo, m_" + TAGS + " and m_" + NOTES
						+ " are still applied: the same rollback again undoes them.");
			assertThat(tables()).contains("notes", "tags", "tag_links");
			assertThat(stateById(runner().status())).containsOnly(Map.entry("m_" + NOTES, MigrationState.APPLIED),
					Map.entry("m_" + TAGS, MigrationState.APPLIED));

			write(TAGS + ".down.sql", "DROP TABLE tag_links;\nDROP TABLE tags;\n");
			assertThat(ids(runner().rollback())).containsExactly("m_" + TAGS, "m_" + NOTES);
		}
		else {
			assertThat(failure)
				.contains("Next step: the database may be partly rolled back (" + dialect()
						+ " commits DDL implicitly), and the ledger marks m_" + TAGS + " FAILED")
				.contains("Finish the rollback by hand: do what statement 2 (line 2)")
				.endsWith("Of what this rollback was to undo, m_" + NOTES
						+ " is still applied: the same rollback again undoes it.");
			assertThat(tables()).contains("notes", "tags").doesNotContain("tag_links");
			assertThat(stateById(runner().status())).containsEntry("m_" + TAGS, MigrationState.FAILED);

			this.database.execute("DROP TABLE tags");
			assertThat(runner().repair(false)).containsExactly("Removed FAILED row of m_" + TAGS);
			assertThat(ids(runner().rollback())).containsExactly("m_" + NOTES);
		}
		assertThat(tables()).isEmpty();
	}

	@Test
	void aRollbackOfSeveralBatchesThatStopsInItsNewestBatchSaysWhereToRollBackTo() throws IOException {
		reversible(NOTES, "notes");
		runner().applyAll();
		reversible(TAGS.replace("tags", "topics"), "topics");
		write(LABELS + ".up.sql", "-- migrations: no-transaction\n" + TAGS_UP);
		write(LABELS + ".down.sql", TAGS_DOWN);
		runner().applyAll();
		reversible(COLOURS, "colours");
		runner().applyAll();
		String topics = "m_" + TAGS.replace("tags", "topics");
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().rollback(2))
			.satisfies((ex) -> assertThat(ex.remedy().fact(Remedy.Fact.ROLLBACK_TO)).isEqualTo("m_" + NOTES))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("failed while rolling back at statement 2 of 3")
				.endsWith("Of what this rollback was to undo, " + topics + " is still applied: roll back to m_" + NOTES
						+ " (runner.rollbackTo(MigrationId.parse(\"m_" + NOTES + "\"))) to undo just it."));
		assertThat(tables()).doesNotContain("colours");

		this.database.execute("DROP TABLE tags");
		runner().repair(false);
		assertThat(ids(runner().rollbackTo(MigrationId.parse(NOTES)))).containsExactly(topics);
		assertThat(stateById(runner().status())).containsExactly(Map.entry("m_" + NOTES, MigrationState.APPLIED),
				Map.entry(topics, MigrationState.PENDING), Map.entry("m_" + LABELS, MigrationState.PENDING),
				Map.entry("m_" + COLOURS, MigrationState.PENDING));
		assertThat(tables()).containsExactly("notes");
	}

	private String downFile(String name) {
		return "filesystem:" + this.directory.resolve(name + ".down.sql");
	}

	/**
	 * The tables the migrations made, without the ledger's.
	 */
	private List<String> tables() {
		return this.database.tables().stream().filter((table) -> !table.startsWith("migrations_ledger")).toList();
	}

	private void reversible(String name, String table) throws IOException {
		write(name + ".up.sql", "CREATE TABLE " + table + " (id INT PRIMARY KEY);\n");
		write(name + ".down.sql", "DROP TABLE " + table + ";\n");
	}

	private void write(String fileName, String content) throws IOException {
		Files.writeString(this.directory.resolve(fileName), content);
	}

	private MigrationRunner runner() {
		return MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30))
			.build();
	}

	private String dialect() {
		return runner().dialect().name();
	}

	private boolean transactionalDdl() {
		return runner().dialect().transactionalDdl();
	}

}
