package dev.migrations.boot.autoconfigure.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the migrated table in its constructor, through a {@link JdbcTemplate}.
 */
@Component
public class UserCount {

	private final int countAtStartup;

	public UserCount(JdbcTemplate jdbcTemplate) {
		this.countAtStartup = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM users", Integer.class);
	}

	public int getCountAtStartup() {
		return this.countAtStartup;
	}

}
