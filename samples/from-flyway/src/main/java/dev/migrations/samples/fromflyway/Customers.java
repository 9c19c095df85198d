package dev.migrations.samples.fromflyway;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shop's customers, read from the tables the migrations create. Thread-safe.
 */
@Repository
public class Customers {

	private final JdbcClient jdbc;

	public Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Return the names of the customers, by id.
	 * @return the names
	 */
	public List<String> names() {
		return this.jdbc.sql("SELECT name FROM customers ORDER BY id").query(String.class).list();
	}

}
