package dev.migrations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.migrations.IrreversibleMigrationException;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationEntry;
import dev.migrations.schema.Schema;
import dev.migrations.schema.SchemaOperation;

/**
 * Records a migration's plans and computes its checksum.
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

	private DescriptorFactory() {
	}

	/**
	 * Describe one entry.
	 * @param entry the entry
	 * @return its descriptor
	 */
	public static MigrationDescriptor describe(MigrationEntry entry) {
		Migration migration = entry.migration();
		List<SchemaOperation> up = record(entry, migration::up);
		List<SchemaOperation> down = null;
		String irreversibleReason = null;
		if (overridesDown(migration)) {
			try {
				down = record(entry, migration::down);
			}
			catch (IrreversibleMigrationException ex) {
				irreversibleReason = ex.getMessage();
			}
		}
		else {
			down = new ArrayList<>(up.size());
			for (int i = up.size() - 1; i >= 0 && down != null; i--) {
				SchemaOperation inverse = up.get(i).inverse();
				if (inverse == null) {
					irreversibleReason = "down() is not defined and its " + up.get(i).describe()
							+ " cannot be reversed automatically";
					down = null;
				}
				else {
					down.add(inverse);
				}
			}
		}
		return new MigrationDescriptor(entry.id(), checksum(up), entry.source(), up, down, irreversibleReason,
				migration.transactional());
	}

	/**
	 * Compute the {@code v1} checksum of a plan: SHA-256 over the canonical text of its
	 * operations.
	 * @param operations the plan
	 * @return the checksum
	 */
	public static String checksum(List<SchemaOperation> operations) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (SchemaOperation operation : operations) {
				digest.update(operation.canonical().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return CHECKSUM_VERSION + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static List<SchemaOperation> record(MigrationEntry entry, java.util.function.Consumer<Schema> plan) {
		Schema schema = new Schema(entry.source());
		try {
			plan.accept(schema);
		}
		catch (IrreversibleMigrationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new MigrationDefinitionException("Migration " + entry.id() + " (" + entry.source()
					+ ") failed to record its plan: " + ex.getMessage(), ex);
		}
		return schema.operations();
	}

	private static boolean overridesDown(Migration migration) {
		return OVERRIDES_DOWN.get(migration.getClass());
	}

}
