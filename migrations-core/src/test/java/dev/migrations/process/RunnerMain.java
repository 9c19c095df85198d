package dev.migrations.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.Direction;
import dev.migrations.JdbcUrlDataSource;
import dev.migrations.LedgerTable;
import dev.migrations.Migration;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.internal.Jdbc;
import dev.migrations.lock.TableLeaseLock;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.Schema;

/**
 * A runner in its own JVM, for tests that need several processes or a process to kill,
 * pause or cut off: {@code RunnerMain <jdbc-url> <location> <lock-timeout-seconds>
 * [options]} applies every pending migration, prints {@code applied <count> in batch
 * <batch>} and exits 0, or prints the failure and exits 3. Options:
 * <ul>
 * <li>{@code --lease SECONDS}: a lease lock (H2, SQLite) whose lease lasts that
 * long;</li>
 * <li>{@code --pause-before ID:MILLIS}: before applying {@code ID}, print
 * {@code reached ID} and sleep, so that a test can act at that point;</li>
 * <li>{@code --slow ID:MILLIS}: add a Java migration {@code ID} that runs outside a
 * transaction and whose only step prints {@code inside ID} and sleeps;</li>
 * <li>{@code --slow-write ID:MILLIS}: add a Java migration {@code ID} that runs in a
 * transaction, creates table {@code slow_write}, prints {@code inside ID} and sleeps, so
 * that on SQLite it holds the database's write lock all that time.</li>
 * </ul>
 */
public final class RunnerMain {

	private RunnerMain() {
	}

	public static void main(String[] args) {
		try {
			JdbcUrlDataSource dataSource = new JdbcUrlDataSource(args[0]);
			MigrationRunner.Builder builder = MigrationRunner.builder(dataSource)
				.locations(args[1])
				.lockTimeout(Duration.ofSeconds(Long.parseLong(args[2])));
			List<MigrationEntry> entries = new ArrayList<>();
			for (int i = 3; i < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--lease" -> {
						Dialect dialect = Jdbc.withConnection(dataSource, Dialects::detect);
						LedgerTable lockTable = new LedgerTable(null, LedgerTable.DEFAULT_NAME).lockTable();
						builder.lock(new TableLeaseLock(dataSource, dialect.qualify(lockTable),
								dialect.createLockTable(lockTable), Duration.ofSeconds(Long.parseLong(value))));
					}
					case "--pause-before" -> builder.listener(pauseBefore(id(value), millis(value)));
					case "--slow" -> entries.add(MigrationEntry.of(id(value), slow(id(value), millis(value), false)));
					case "--slow-write" ->
						entries.add(MigrationEntry.of(id(value), slow(id(value), millis(value), true)));
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
			}
			MigrationResult result = builder.entries(entries).build().applyAll();
			System.out.println("applied " + result.migrations().size() + " in batch " + result.batch());
			System.exit(0);
		}
		catch (MigrationException ex) {
			System.err.println(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			System.exit(3);
		}
	}

	private static MigrationId id(String value) {
		return MigrationId.parse(value.substring(0, value.indexOf(':')));
	}

	private static long millis(String value) {
		return Long.parseLong(value.substring(value.indexOf(':') + 1));
	}

	private static MigrationListener pauseBefore(MigrationId id, long millis) {
		return new MigrationListener() {

			@Override
			public void beforeMigration(MigrationDescriptor migration, Direction direction) {
				if (migration.id().equals(id)) {
					System.out.println("reached " + id);
					System.out.flush();
					sleep(millis);
				}
			}

		};
	}

	private static Migration slow(MigrationId id, long millis, boolean writes) {
		return new Migration() {

			@Override
			public void up(Schema schema) {
				if (writes) {
					schema.sql("CREATE TABLE slow_write (id INT)");
				}
				schema.jdbc((connection) -> {
					System.out.println("inside " + id);
					System.out.flush();
					sleep(millis);
				});
			}

			@Override
			public boolean transactional() {
				return writes;
			}

		};
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
