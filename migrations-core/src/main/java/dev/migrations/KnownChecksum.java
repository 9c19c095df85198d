package dev.migrations;

/**
 * A {@link Migration} whose checksum is known without recording its up plan, such as a
 * SQL migration listed in a build-time index of the migrations: its descriptor carries
 * the checksum as it is, and the script is read and its plan recorded only when the
 * migration is applied, shown by a dry run, rolled back or replayed. Implementations are
 * immutable and thread-safe.
 */
public interface KnownChecksum {

	/**
	 * Return the checksum of the up plan, as {@link DescriptorFactory#checksum} computes
	 * it when the plan is recorded.
	 * @return the checksum, {@code v1:} followed by SHA-256 hex
	 */
	String checksum();

}
