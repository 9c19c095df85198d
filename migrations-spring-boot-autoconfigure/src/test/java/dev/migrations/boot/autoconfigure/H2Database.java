package dev.migrations.boot.autoconfigure;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh in-memory H2 database that outlives the contexts using it, opened as user
 * {@code sa} like Spring Boot's embedded DataSource does.
 *
 * @param url the JDBC URL
 * @param dataSource a DataSource on it
 */
record H2Database(String url, DataSource dataSource) implements AutoCloseable {

	static H2Database create() {
		String url = "jdbc:h2:mem:h2_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		return new H2Database(url, new DriverManagerDataSource(url, "sa", ""));
	}

	List<String> tables() {
		return Databases.tables(this.dataSource);
	}

	void execute(String sql) {
		new JdbcTemplate(this.dataSource).execute(sql);
	}

	void drop() {
		execute("SHUTDOWN");
	}

	@Override
	public void close() {
		drop();
	}

}
