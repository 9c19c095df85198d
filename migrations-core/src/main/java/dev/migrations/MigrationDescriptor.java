package dev.migrations;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.migrations.schema.SchemaOperation;
import org.jspecify.annotations.Nullable;

/**
 * A migration ready to run: its id, checksum, source, and the recorded up and down plans.
 * Built by {@link MigrationEntry#buildDescriptors(java.util.Collection)}, which records
 * the up plan at once (the checksum is computed from it) and the down plan only when
 * something asks for it: a rollback, or {@link #reversible()}. A migration whose checksum
 * is {@link KnownChecksum known} beforehand records its up plan, too, only when something
 * asks for it: an apply, a dry run, a replay. Instances are immutable and thread-safe.
 */
public final class MigrationDescriptor {

	private final MigrationId id;

	private final String checksum;

	private final String source;

	private final String downSource;

	private final Supplier<List<SchemaOperation>> upRecorder;

	private volatile @Nullable List<SchemaOperation> up;

	private final boolean transactional;

	private final boolean destructive;

	private final boolean repair;

	private final Supplier<@Nullable String> flywayVersion;

	private final Supplier<DownPlan> downRecorder;

	private volatile @Nullable DownPlan down;

	/**
	 * Create a descriptor with a known down plan that comes from the same source as the
	 * up plan.
	 * @param id the id
	 * @param checksum the checksum of the up plan, {@code v1:} followed by SHA-256 hex
	 * @param source where the migration comes from
	 * @param up the operations that apply the migration
	 * @param down the operations that undo it, or {@code null} when it is irreversible
	 * @param irreversibleReason why it is irreversible, or {@code null} when it is not
	 * @param transactional whether it runs in a transaction where the database allows
	 */
	public MigrationDescriptor(MigrationId id, String checksum, String source, List<SchemaOperation> up,
			@Nullable List<SchemaOperation> down, @Nullable String irreversibleReason, boolean transactional) {
		this(id, checksum, source, source, up, transactional, false, false, () -> null,
				() -> new DownPlan(down, irreversibleReason));
	}

	MigrationDescriptor(MigrationId id, String checksum, String source, String downSource, List<SchemaOperation> up,
			boolean transactional, boolean destructive, boolean repair, Supplier<@Nullable String> flywayVersion,
			Supplier<DownPlan> downRecorder) {
		this(id, checksum, source, downSource, () -> up, transactional, destructive, repair, flywayVersion,
				downRecorder);
		this.up = List.copyOf(up);
	}

	MigrationDescriptor(MigrationId id, String checksum, String source, String downSource,
			Supplier<List<SchemaOperation>> upRecorder, boolean transactional, boolean destructive, boolean repair,
			Supplier<@Nullable String> flywayVersion, Supplier<DownPlan> downRecorder) {
		this.id = Objects.requireNonNull(id, "id must not be null");
		this.checksum = Objects.requireNonNull(checksum, "checksum must not be null");
		this.source = Objects.requireNonNull(source, "source must not be null");
		this.downSource = Objects.requireNonNull(downSource, "downSource must not be null");
		this.upRecorder = upRecorder;
		this.transactional = transactional;
		this.destructive = destructive;
		this.repair = repair;
		this.flywayVersion = flywayVersion;
		this.downRecorder = downRecorder;
	}

	/**
	 * Return the id.
	 * @return the id
	 */
	public MigrationId id() {
		return this.id;
	}

	/**
	 * Return the checksum of the up plan, {@code v1:} followed by SHA-256 hex.
	 * @return the checksum
	 */
	public String checksum() {
		return this.checksum;
	}

	/**
	 * Return where the migration comes from: a class name or a resource.
	 * @return the source
	 */
	public String source() {
		return this.source;
	}

	/**
	 * Return where the plan of one direction comes from: for a SQL migration its
	 * {@code .up.sql} or {@code .down.sql} file, for a class the class both ways.
	 * @param direction the direction
	 * @return the source of that plan
	 */
	public String source(Direction direction) {
		return (direction == Direction.DOWN) ? this.downSource : this.source;
	}

	/**
	 * Return the operations that apply the migration, recording them on first use when
	 * the checksum was known beforehand.
	 * @return the up plan
	 * @throws MigrationDefinitionException if the migration fails to record its up plan
	 */
	public List<SchemaOperation> up() {
		List<SchemaOperation> plan = this.up;
		if (plan == null) {
			synchronized (this) {
				plan = this.up;
				if (plan == null) {
					plan = List.copyOf(this.upRecorder.get());
					this.up = plan;
				}
			}
		}
		return plan;
	}

	/**
	 * Return the operations that undo the migration, recording them on first use.
	 * @return the down plan, or {@code null} when the migration is irreversible
	 * @throws MigrationDefinitionException if the migration fails to record its down plan
	 */
	public @Nullable List<SchemaOperation> down() {
		return downPlan().operations();
	}

	/**
	 * Return why the migration cannot be rolled back.
	 * @return the reason, or {@code null} when it is reversible
	 */
	public @Nullable String irreversibleReason() {
		return downPlan().irreversibleReason();
	}

	/**
	 * Whether the migration runs in a transaction where the database allows.
	 * @return whether it is transactional
	 */
	public boolean transactional() {
		return this.transactional;
	}

	/**
	 * Whether the migration is marked as meant to destroy data, so that a run applies it
	 * even where it drops or narrows what holds rows.
	 * @return whether it is marked destructive
	 * @see Migration#destructive()
	 */
	public boolean destructive() {
		return this.destructive;
	}

	/**
	 * Return whether the migration repairs drift: it brings a database back to the schema
	 * the other migrations build, so the replay of the ledger on a shadow database leaves
	 * it out.
	 * @return whether it is a repair migration
	 * @see Migration#repair()
	 */
	public boolean repair() {
		return this.repair;
	}

	/**
	 * Return the version the migration had under Flyway before it was renamed, as its
	 * {@code -- flyway: V1.1} header line says.
	 * @return the version, digits separated by dots, or {@code null}
	 * @see Migration#flywayVersion()
	 */
	public @Nullable String flywayVersion() {
		return this.flywayVersion.get();
	}

	/**
	 * Whether the migration is read from a SQL file rather than written in Java.
	 * @return whether it is a SQL migration
	 */
	public boolean isSql() {
		return this.source.endsWith(".sql");
	}

	/**
	 * Return the snake_case name of the migration, the slug of its id.
	 * @return the name
	 */
	public String name() {
		return this.id.slug();
	}

	/**
	 * Whether the migration can be rolled back.
	 * @return {@code true} if it has a down plan
	 */
	public boolean reversible() {
		return down() != null;
	}

	private DownPlan downPlan() {
		DownPlan plan = this.down;
		if (plan == null) {
			synchronized (this) {
				plan = this.down;
				if (plan == null) {
					plan = this.downRecorder.get();
					this.down = plan;
				}
			}
		}
		return plan;
	}

	@Override
	public String toString() {
		return this.id + " (" + this.source + ")";
	}

	/**
	 * A recorded down plan, or why there is none.
	 */
	record DownPlan(@Nullable List<SchemaOperation> operations, @Nullable String irreversibleReason) {

		DownPlan {
			operations = (operations != null) ? List.copyOf(operations) : null;
		}

	}

}
