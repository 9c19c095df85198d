package dev.migrations;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The names a ledger table and its schema may have: letters, digits and underscores,
 * starting with a letter or underscore, at most 60 characters.
 */
class LedgerTableTests {

	@Test
	void plainIdentifiersAreAccepted() {
		for (String name : List.of("migrations_ledger", "Ledger2", "_ledger", "L", "a".repeat(60))) {
			assertThat(LedgerTable.isPlainIdentifier(name)).as(name).isTrue();
			assertThat(new LedgerTable(name, name).name()).isEqualTo(name);
		}
	}

	@Test
	void anythingElseIsRefusedNamingTheName() {
		for (String name : List.of("", "2ledger", "a".repeat(61), "ledger-1", "x; drop table y", "ledger name",
				"\"ledger\"", "lédger", "schema.table")) {
			assertThat(LedgerTable.isPlainIdentifier(name)).as(name).isFalse();
			assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> new LedgerTable(null, name))
				.withMessageContaining("Invalid ledger table name '" + name + "'");
			assertThatExceptionOfType(MigrationDefinitionException.class)
				.isThrownBy(() -> new LedgerTable(name, "ledger"))
				.withMessageContaining("Invalid ledger schema name '" + name + "'");
		}
	}

	@Test
	void aQualifiedNameIsParsedIntoSchemaAndTable() {
		assertThat(LedgerTable.parse("app.ledger")).isEqualTo(new LedgerTable("app", "ledger"));
		assertThat(LedgerTable.parse("ledger")).isEqualTo(new LedgerTable(null, "ledger"));
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> LedgerTable.parse("a.b.c"))
			.withMessageContaining("'b.c'");
	}

}
