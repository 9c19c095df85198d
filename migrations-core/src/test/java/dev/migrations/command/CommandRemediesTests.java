package dev.migrations.command;

import java.util.List;

import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.Remedy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CommandRemedies}: a remedy worded with the command line's commands,
 * where a Java caller's message names methods.
 */
class CommandRemediesTests {

	private static final MigrationId ALPHA = MigrationId.parse("m_20240101000000_create_alpha");

	private static final MigrationId BETA = MigrationId.parse("m_20240102000000_create_beta");

	@Test
	void acceptingChecksumsNamesTheOptionOfRepairAndJavaNamesTheRepairOption() {
		Remedy remedy = Remedy.of(Remedy.Kind.ACCEPT_CHECKSUMS, ALPHA);
		MigrationException failure = new MigrationException("Migration " + ALPHA + " was changed.", remedy);
		assertThat(CommandRemedies.message(failure)).isEqualTo("Migration " + ALPHA + " was changed.\nNext step: "
				+ "Revert the change and write a new migration instead; or, if the change is intended, accept the "
				+ "new checksums with migrate:repair --accept-checksums.");
		assertThat(failure.getMessage())
			.endsWith("accept the new checksums with " + "runner.repair(RepairOption.ACCEPT_CHECKSUMS).");
		assertThat(failure.description()).isEqualTo("Migration " + ALPHA + " was changed.");
	}

	@Test
	void aRollbackThatLeftMigrationsAppliedNamesTheRollbackToTheMigrationBefore() {
		Remedy remedy = Remedy.of(Remedy.Kind.FINISH_ROLLBACK_BY_HAND, BETA)
			.with(Remedy.Fact.SOURCE, "beta.down.sql")
			.with(Remedy.Fact.PARTLY_BECAUSE, "H2 commits DDL implicitly")
			.with(Remedy.Fact.STILL_APPLIED, BETA)
			.with(Remedy.Fact.ROLLBACK_TO, ALPHA);
		assertThat(CommandRemedies.step(remedy))
			.contains("check what beta.down.sql changed and do the rest of it. Then run migrate:repair: it removes "
					+ "the FAILED row")
			.endsWith("Of what this rollback was to undo, " + BETA + " is still applied: roll back to " + ALPHA
					+ " (migrate:rollback --to " + ALPHA + ") to undo just it.");
	}

	@Test
	void aFailedApplyNamesTheMigrationsItCommittedBeforeOrCountsThemWhenThereAreMany() {
		Remedy remedy = Remedy.of(Remedy.Kind.FIX_AND_RETRY, BETA).with(Remedy.Fact.APPLIED_BEFORE, ALPHA);
		assertThat(CommandRemedies.step(remedy))
			.endsWith("Fix the migration and run the command again. Before it, this run applied and committed " + ALPHA
					+ ".");
		List<String> seven = List.of("m_20240101000001_a", "m_20240101000002_b", "m_20240101000003_c",
				"m_20240101000004_d", "m_20240101000005_e", "m_20240101000006_f", "m_20240101000007_g");
		assertThat(CommandRemedies.step(remedy.with(Remedy.Fact.APPLIED_BEFORE, String.join(", ", seven)))).endsWith(
				"Before it, this run applied and committed 7 migrations, m_20240101000001_a to m_20240101000007_g.");
		assertThat(
				CommandRemedies.step(remedy.with(Remedy.Fact.APPLIED_BEFORE, String.join(", ", seven.subList(0, 5)))))
			.endsWith(
					"Before it, this run applied and committed m_20240101000001_a, m_20240101000002_b, m_20240101000003_c, "
							+ "m_20240101000004_d and m_20240101000005_e.");
	}

	@Test
	void aMigrationInProgressNamesRepairWithForce() {
		Remedy remedy = Remedy.of(Remedy.Kind.RELEASE_LOCK)
			.with(Remedy.Fact.HOLDER, "pid 42")
			.with(Remedy.Fact.FORCE_REPAIR);
		assertThat(CommandRemedies.step(remedy)).isEqualTo("wait for that run to finish. If you have checked that "
				+ "pid 42 is stuck or gone, repair with force (migrate:repair --force), which takes the lock from it "
				+ "first.");
	}

	@Test
	void aValidationFailureWordsEachProblemsStepInCommands() {
		MigrationValidationException failure = new MigrationValidationException(List.of(
				new MigrationProblem(ALPHA, MigrationState.CHECKSUM_MISMATCH, "Changed.",
						Remedy.of(Remedy.Kind.ACCEPT_CHECKSUMS, ALPHA)),
				new MigrationProblem(BETA, MigrationState.FAILED, "Failed.",
						Remedy.of(Remedy.Kind.REPAIR_THEN_RETRY, BETA).with(Remedy.Fact.ROW_STATE, "FAILED"))));
		assertThat(CommandRemedies.message(failure))
			.startsWith("Migrations cannot be applied; nothing was changed. 2 problems:\n - Changed.\n   Next step: ")
			.contains("migrate:repair --accept-checksums")
			.contains("\n - Failed.\n   Next step: The database may be partly changed.")
			.contains("Then run migrate:repair, which removes the FAILED row")
			.doesNotContain("runner.");
		assertThat(failure.description())
			.isEqualTo("Migrations cannot be applied; nothing was changed. 2 problems:" + "\n - Changed.\n - Failed.");
		assertThat(failure.remedy().isNone()).isTrue();
	}

	@Test
	void aFailureWithoutRemedyIsItsDescription() {
		MigrationException failure = new MigrationException("Database error: gone (SQLState 08006)");
		assertThat(CommandRemedies.message(failure)).isEqualTo("Database error: gone (SQLState 08006)");
		assertThat(failure.getMessage()).isEqualTo(failure.description());
		assertThat(failure.remedy()).isEqualTo(Remedy.NONE);
	}

}
