package dev.migrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrations.schema.Schema;
import dev.migrations.schema.SchemaOperation;
import org.jspecify.annotations.Nullable;

/**
 * Records a migration's plans and computes checksums.
 */
public final class DescriptorFactory {

	private static final String CHECKSUM_VERSION = "v1:";

	private static final ClassValue<Boolean> OVERRIDES_DOWN = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			try {
				return type.getMethod("down", Schema.class).getDeclaringClass() != Migration.class;
			}
			catch (NoSuchMethodException ex) {
				return false;
			}
		}
	};

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(DescriptorFactory::sha256);

	private DescriptorFactory() {
	}

	/**
	 * Compute the {@code v1} checksum of a plan: SHA-256 over the canonical text of its
	 * operations.
	 * @param operations the plan
	 * @return the checksum
	 */
	public static String checksum(List<SchemaOperation> operations) {
		MessageDigest digest = SHA_256.get();
		for (SchemaOperation operation : operations) {
			digest.update(operation.canonical().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
		}
		return CHECKSUM_VERSION + HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Record one of a migration's plans.
	 * @param id the migration's id
	 * @param source where the plan comes from
	 * @param plan {@code up} or {@code down} of the migration
	 * @return the recorded operations
	 * @throws IrreversibleMigrationException if the migration says it cannot record the
	 * plan
	 * @throws MigrationDefinitionException if recording fails otherwise
	 */
	public static List<SchemaOperation> record(MigrationId id, String source, Consumer<Schema> plan) {
		Schema schema = new Schema(source);
		try {
			plan.accept(schema);
		}
		catch (IrreversibleMigrationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new MigrationDefinitionException(
					"Migration " + id + " (" + source + ") failed to record its plan: " + ex.getMessage(), ex);
		}
		return schema.operations();
	}

	/**
	 * Whether a migration defines {@code down} itself, rather than leaving it to be
	 * derived from the inverses of its up plan.
	 * @param migration the migration
	 * @return whether it overrides {@code down}
	 */
	public static boolean overridesDown(Migration migration) {
		return OVERRIDES_DOWN.get(migration.getClass());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Return a supplier that asks another once, on first use, and then returns what it
	 * gave.
	 */
	static <T> Supplier<T> once(Supplier<T> supplier) {
		return new Supplier<>() {

			private @Nullable T value;

			@Override
			public synchronized T get() {
				T result = this.value;
				if (result == null) {
					result = supplier.get();
					this.value = result;
				}
				return result;
			}

		};
	}

}
