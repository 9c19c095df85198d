package dev.migrations.boot.actuate;

import javax.sql.DataSource;

import dev.migrations.runner.MigrationRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts the migrations of {@code db/observed} into every state an operator must see:
 * {@code create_users_table} and {@code create_likes_table} applied,
 * {@code create_posts_table} edited since it was applied, {@code create_comments_table}
 * failed, {@code create_tags_table} out of order and {@code create_follows_table}
 * pending.
 */
final class ObservedDatabase {

	static final String LOCATION = "classpath:db/observed";

	static final String LEDGER_SECRET = "hunter2-from-the-ledger";

	private ObservedDatabase() {
	}

	static void seed(DataSource dataSource) {
		MigrationRunner.builder(dataSource).locations(LOCATION).build().applyAll(5);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("UPDATE migrations_ledger SET checksum = 'v1:edited' WHERE id = ?",
				"m_20241201000100_create_posts_table");
		jdbc.update("UPDATE migrations_ledger SET state = 'FAILED', error = ? WHERE id = ?",
				"Migration m_20241201000200_create_comments_table failed: could not reach "
						+ "jdbc:postgresql://db.example.com/app?user=app&password=" + LEDGER_SECRET,
				"m_20241201000200_create_comments_table");
		jdbc.update("DELETE FROM migrations_ledger WHERE id = ?", "m_20241201000300_create_tags_table");
	}

}
