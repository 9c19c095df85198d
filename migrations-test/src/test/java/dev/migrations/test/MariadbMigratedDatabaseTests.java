package dev.migrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbMigratedDatabaseTests extends MigratedDatabaseConformanceTests {

	@Override
	DatabaseKind kind() {
		return DatabaseKind.MARIADB;
	}

	@Test
	void aCopyHasTheTemplatesKeysCountersGeneratedColumnsViewsRoutinesAndTriggers() {
		try (DatabaseCopy copy = ordersTemplate().copy()) {
			assertThat(Jdbc.count(copy.dataSource(), "audit")).as("rows the trigger wrote while copying").isZero();
			Jdbc.execute(copy.dataSource(), "INSERT INTO orders (customer_id, total) VALUES (1, 20.00)");
			assertThat(Jdbc.count(copy.dataSource(), "audit")).isOne();
			assertThat(Jdbc.count(copy.dataSource(), "orders WHERE id = 2 AND total_with_tax = 40.00")).isOne();
			assertThat(Jdbc.count(copy.dataSource(), "big_orders")).isEqualTo(2);
			assertThat(Jdbc.count(copy.dataSource(), "orders WHERE order_count() = 2")).isEqualTo(2);
			assertThatIllegalStateException().isThrownBy(
					() -> Jdbc.execute(copy.dataSource(), "INSERT INTO orders (customer_id, total) VALUES (99, 1.00)"))
				.withMessageContaining("foreign key");
			assertThat(copy.runner().applyAll().migrations()).isEmpty();
		}
	}

	@Test
	void aCopyHasTheObjectsTheMigrationsMakeWithItsSequencesWhereTheyStood() throws SQLException {
		DatabaseTemplate template = ordersTemplate();
		try (TestDatabase migrated = TestDatabase.create(DatabaseKind.MARIADB); DatabaseCopy copy = template.copy()) {
			template.runner(migrated.dataSource()).applyAll();
			assertThat(objects(copy.dataSource())).containsKeys("SEQUENCE invoice_numbers", "EVENT purge_audit")
				.isEqualTo(objects(migrated.dataSource()));
			assertThat(nextInvoiceNumber(copy.dataSource())).isEqualTo(nextInvoiceNumber(migrated.dataSource()))
				.isEqualTo(130);
			Jdbc.execute(copy.dataSource(), "INSERT INTO invoices (order_id) VALUES (1)");
			assertThat(Jdbc.count(copy.dataSource(), "invoices WHERE number = 140")).isOne();
			try (DatabaseCopy next = template.copy()) {
				assertThat(nextInvoiceNumber(next.dataSource())).as("the template's sequence, untouched by copies")
					.isEqualTo(130);
			}
		}
	}

	@Test
	void theTemplatesEventsAreDisabledSoThatItStaysAsMigrated() throws SQLException {
		DatabaseTemplate template = ordersTemplate();
		try (DatabaseCopy copy = template.copy()) {
			Template migrated = TemplateCache.shared().template(template);
			assertThat(strings(migrated.server().dataSource(migrated.name()),
					"SELECT STATUS FROM information_schema.EVENTS " + "WHERE EVENT_SCHEMA = DATABASE()"))
				.containsOnly("DISABLED");
			assertThat(strings(copy.dataSource(),
					"SELECT CONCAT(EVENT_NAME, ' ', STATUS) FROM "
							+ "information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY EVENT_NAME"))
				.containsExactly("archive_invoices DISABLED", "purge_audit ENABLED");
		}
	}

	private DatabaseTemplate ordersTemplate() {
		return DatabaseTemplate.of(server().url()).withLocations("classpath:db/testmod/mariadb");
	}

	private static long nextInvoiceNumber(DataSource dataSource) throws SQLException {
		return Long.parseLong(strings(dataSource, "SELECT NEXTVAL(invoice_numbers)").get(0));
	}

	/**
	 * Return the {@code SHOW CREATE} text of every object of a database by its kind and
	 * name, with its SQL mode (and an event's time zone), the database's name left out.
	 */
	private static Map<String, String> objects(DataSource dataSource) throws SQLException {
		Map<String, String> objects = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			String schema = "`" + connection.getCatalog() + "`";
			for (String object : strings(connection, "SELECT CONCAT(REPLACE(TABLE_TYPE, 'BASE ', ''), ' ', "
					+ "TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() UNION ALL "
					+ "SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES "
					+ "WHERE ROUTINE_SCHEMA = DATABASE() UNION ALL SELECT CONCAT('TRIGGER ', TRIGGER_NAME) FROM "
					+ "information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() UNION ALL "
					+ "SELECT CONCAT('EVENT ', EVENT_NAME) FROM information_schema.EVENTS "
					+ "WHERE EVENT_SCHEMA = DATABASE()")) {
				String[] kindAndName = object.split(" ", 2);
				objects.put(object, showCreate(connection, kindAndName[0], "`" + kindAndName[1] + "`").replace(schema,
						"`database`"));
			}
		}
		return objects;
	}

	/**
	 * Return the columns of a {@code SHOW CREATE} row up to the statement: the SQL mode
	 * of a routine, trigger or event, an event's time zone, and the statement.
	 */
	private static String showCreate(Connection connection, String kind, String name) throws SQLException {
		int statementColumn = switch (kind) {
			case "TABLE", "SEQUENCE", "VIEW" -> 2;
			case "EVENT" -> 4;
			default -> 3;
		};
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SHOW CREATE " + kind + " " + name)) {
			row.next();
			List<String> columns = new ArrayList<>();
			for (int column = 2; column <= statementColumn; column++) {
				columns.add(row.getString(column));
			}
			return String.join(" | ", columns);
		}
	}

	private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return strings(connection, sql);
		}
	}

	private static List<String> strings(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
