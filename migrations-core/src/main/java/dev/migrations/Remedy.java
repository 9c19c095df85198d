package dev.migrations;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What resolves a failure, as data: a {@link Kind} and the facts that its wording needs.
 * Every {@link MigrationException} carries one ({@link MigrationException#remedy()}), as
 * does every {@link MigrationProblem}; each front end words it for its reader (method
 * names for a Java caller, commands for the command line, properties for a Spring Boot
 * application) from the kind and the facts, never from a message's text. Immutable and
 * thread-safe.
 *
 * @param kind what to do
 * @param migration the migration concerned, or {@code null}
 * @param facts what the wording needs beyond the migration, by fact; flags have the value
 * {@code "true"}
 * @param alternative the remedy of the same failure when the cause that this remedy
 * assumes is not the cause, or {@code null}; see {@link Kind#BASELINE}
 */
public record Remedy(Kind kind, @Nullable MigrationId migration, Map<Fact, String> facts,
		@Nullable Remedy alternative) {

	/** No remedy: the description says all there is. */
	public static final Remedy NONE = new Remedy(Kind.NONE, null, Map.of(), null);

	public Remedy {
		Objects.requireNonNull(kind, "kind must not be null");
		facts = facts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(facts));
	}

	/**
	 * Return a remedy without facts.
	 * @param kind what to do
	 * @return the remedy
	 */
	public static Remedy of(Kind kind) {
		return new Remedy(kind, null, Map.of(), null);
	}

	/**
	 * Return a remedy for a migration.
	 * @param kind what to do
	 * @param migration the migration concerned
	 * @return the remedy
	 */
	public static Remedy of(Kind kind, MigrationId migration) {
		return new Remedy(kind, migration, Map.of(), null);
	}

	/**
	 * Return this remedy with a fact added.
	 * @param fact the fact
	 * @param value its value, written with {@link String#valueOf(Object)}
	 * @return the remedy
	 */
	public Remedy with(Fact fact, Object value) {
		Map<Fact, String> facts = new EnumMap<>(Fact.class);
		facts.putAll(this.facts);
		facts.put(fact, String.valueOf(value));
		return new Remedy(this.kind, this.migration, facts, this.alternative);
	}

	/**
	 * Return this remedy with a flag set.
	 * @param flag the fact that is true
	 * @return the remedy
	 */
	public Remedy with(Fact flag) {
		return with(flag, "true");
	}

	/**
	 * Return this remedy with the remedy to follow when the cause it assumes is not the
	 * cause.
	 * @param alternative the other remedy
	 * @return the remedy
	 */
	public Remedy orElse(Remedy alternative) {
		return new Remedy(this.kind, this.migration, this.facts, alternative);
	}

	/**
	 * Return a fact.
	 * @param fact the fact
	 * @return its value, or {@code null} when this remedy does not have it
	 */
	public @Nullable String fact(Fact fact) {
		return this.facts.get(fact);
	}

	/**
	 * Whether this remedy has a fact, or a flag is set.
	 * @param fact the fact
	 * @return whether it has it
	 */
	public boolean has(Fact fact) {
		return this.facts.containsKey(fact);
	}

	/**
	 * Whether there is nothing to do beyond what the description says.
	 * @return whether this is {@link #NONE}
	 */
	public boolean isNone() {
		return this.kind == Kind.NONE;
	}

	/**
	 * What resolves a failure. Each kind lists the facts it carries.
	 */
	public enum Kind {

		/** Nothing beyond what the description says. */
		NONE,

		/**
		 * Nothing of the migration took effect: fix it and run again. Facts:
		 * {@link Fact#DIRECTION}, {@link Fact#WHOLE_RUN} (the whole run was rolled back),
		 * {@link Fact#SOURCE} (the down source, for a rollback).
		 */
		FIX_AND_RETRY,

		/**
		 * A plan that cannot be recorded: the down plan a rollback would read, or with
		 * {@link Fact#DIRECTION} {@code UP} the up plan of a pending migration. Correct
		 * its source. Facts: {@link Fact#SOURCE}, {@link Fact#DIRECTION}.
		 */
		CORRECT_MIGRATION,

		/** A rollback refused: add a down migration or roll back fewer steps. */
		ADD_DOWN_MIGRATION,

		/**
		 * The database may be partly changed and the ledger has a {@code FAILED} or
		 * {@code RUNNING} row: fix the database by hand, repair, and apply again. Facts:
		 * {@link Fact#ROW_STATE}, {@link Fact#PARTLY_BECAUSE} (when the migration failed
		 * just now).
		 */
		REPAIR_THEN_RETRY,

		/**
		 * A migration failed on a database that lives in memory (H2's
		 * {@code jdbc:h2:mem:}): the database, with what ran of the migration and its
		 * {@code FAILED} row, goes with the process, and the next start builds it anew
		 * from the migrations, so there is nothing to repair: correct the migration and
		 * start again. Facts: {@link Fact#SOURCE} (the migration's source).
		 */
		FIX_AND_RESTART,

		/**
		 * A rollback failed part-way outside a transaction: finish it by hand, then
		 * repair. Facts: {@link Fact#SOURCE}, {@link Fact#PARTLY_BECAUSE},
		 * {@link Fact#STATEMENT} (when a statement failed).
		 */
		FINISH_ROLLBACK_BY_HAND,

		/**
		 * An applied migration was edited: revert it, or repair accepting the new
		 * checksums.
		 */
		ACCEPT_CHECKSUMS,

		/**
		 * Baseline the database. With an {@link #alternative()}: the first migration
		 * failed on what the database has already, and the database likely needs a
		 * baseline instead, after a repair when {@link Fact#FAILED_ROW} is set. With
		 * {@link Fact#FAILED_ROW} alone: a baseline refused by unfinished rows, which
		 * repair removes. Otherwise: a baseline at an id that no migration has; facts
		 * {@link Fact#NEWEST_BEFORE}.
		 */
		BASELINE,

		/**
		 * Pending migrations would destroy data: mark them destructive, or allow
		 * destructive changes for the run. The migration is set when there is one. Facts:
		 * {@link Fact#WRITTEN_IN}.
		 */
		CONFIRM_DESTRUCTIVE,

		/** A migration older than the newest applied one: renumber it or allow it. */
		ALLOW_OUT_OF_ORDER,

		/** A migration is pending where none may be: apply it. */
		APPLY_PENDING,

		/** The ledger's schema does not exist. Facts: {@link Fact#SCHEMA}. */
		CREATE_SCHEMA,

		/**
		 * Another run holds the lock: wait for it. Facts: {@link Fact#TIMED_OUT} (a run
		 * waited for it in vain).
		 */
		WAIT_FOR_LOCK,

		/**
		 * A holder of the lock must let it go: end its session, or, when
		 * {@link Fact#FORCE_REPAIR} is set, wait or repair with force. Facts:
		 * {@link Fact#HOLDER}.
		 */
		RELEASE_LOCK,

		/**
		 * This run lost the lock: check the status once the holder is done, and repair
		 * what it left {@code RUNNING}.
		 */
		CHECK_STATUS,

		/**
		 * A run needs a second connection: let the pool open two. Facts:
		 * {@link Fact#SETTING} (the prefix of the properties that configure the
		 * connection, where there are such).
		 */
		SECOND_CONNECTION,

		/** No connection opens: check the database, the URL and the credentials. */
		CHECK_CONNECTION,

		/**
		 * A database error that the user must correct. Facts: {@link Fact#REQUIREMENTS}.
		 */
		CORRECT_DATABASE_ERROR,

		/** The ledger changed under the run: compare and correct it. */
		CORRECT_LEDGER,

		/**
		 * The configuration is wrong. Facts: {@link Fact#SETTING}, {@link Fact#STEP} (the
		 * correction, worded where the configuration is known).
		 */
		CORRECT_CONFIGURATION,

		/**
		 * No shadow database could be had: let the user create one, or name an empty one
		 * to use instead; with {@link Fact#NAMED_SHADOW}, empty the named one or name
		 * another.
		 */
		USE_SHADOW_DATABASE

	}

	/**
	 * A fact that the wording of a remedy needs.
	 */
	public enum Fact {

		/** {@code UP} or {@code DOWN}. */
		DIRECTION,

		/** Flag: the whole run was one transaction and was rolled back. */
		WHOLE_RUN,

		/** The source of the plan concerned, such as a file. */
		SOURCE,

		/** The statement that failed, such as {@code statement 2 (line 5)}. */
		STATEMENT,

		/**
		 * Why the database may be partly changed, such as
		 * {@code H2 commits DDL implicitly}.
		 */
		PARTLY_BECAUSE,

		/** The state of the ledger row to repair: {@code FAILED} or {@code RUNNING}. */
		ROW_STATE,

		/**
		 * The statement refuses to run in a transaction: {@code sql} for a SQL file,
		 * {@code java} for a Java migration.
		 */
		OUTSIDE_TRANSACTION,

		/**
		 * How the migrations concerned are written: {@code sql}, {@code java} or
		 * {@code both}.
		 */
		WRITTEN_IN,

		/** The migrations a failed rollback left applied, comma-separated, in order. */
		STILL_APPLIED,

		/**
		 * The migrations an apply committed before the one that failed, comma-separated,
		 * in order: they stay applied.
		 */
		APPLIED_BEFORE,

		/** Flag: the same rollback again rolls back what is still applied. */
		SAME_ROLLBACK,

		/** The migration to roll back to, to roll back just what is still applied. */
		ROLLBACK_TO,

		/** Flag: a {@code FAILED} or {@code RUNNING} row must be repaired first. */
		FAILED_ROW,

		/** The newest migration before an id that no migration has. */
		NEWEST_BEFORE,

		/** The schema that does not exist. */
		SCHEMA,

		/** The holder of the migration lock. */
		HOLDER,

		/** Flag: repair with force takes the lock from a holder found stuck or gone. */
		FORCE_REPAIR,

		/** Flag: the lock timeout ran out. */
		TIMED_OUT,

		/** What the lock needs of the database user, from {@code " ("} to {@code ")"}. */
		REQUIREMENTS,

		/**
		 * Flag: the shadow database was named by the user (a shadow URL), not created for
		 * the run.
		 */
		NAMED_SHADOW,

		/** A configuration property or its prefix. */
		SETTING,

		/** The correction of a configuration, worded by whoever knows it. */
		STEP

	}

}
