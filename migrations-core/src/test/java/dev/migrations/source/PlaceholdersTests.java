package dev.migrations.source;

import java.util.Map;

import dev.migrations.Credentials;
import dev.migrations.MigrationDefinitionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Placeholders}.
 */
class PlaceholdersTests {

	private static final String SOURCE = "filesystem:db/20240101000000_x.sql";

	@Test
	void replacesEveryPlaceholderIncludingInLiteralsAndDollarQuotedBodies() {
		Placeholders placeholders = Placeholders.of(Map.of("schema", "app", "greeting.text", "hi; there"));
		String sql = "CREATE FUNCTION ${schema}.hello() RETURNS text AS $$ SELECT '${greeting.text}' $$ LANGUAGE sql";
		assertThat(placeholders.replace(sql, SOURCE, 3))
			.isEqualTo("CREATE FUNCTION app.hello() RETURNS text AS $$ SELECT 'hi; there' $$ LANGUAGE sql");
	}

	@Test
	void textThatIsNotAPlaceholderStaysAsWritten() {
		Placeholders placeholders = Placeholders.of(Map.of());
		String sql = "SELECT '${not a name}', '$ {x}', '{y}', 'a $ b'";
		assertThat(placeholders.replace(sql, SOURCE, 1)).isEqualTo(sql);
	}

	@Test
	void aValueWithDollarSignsAndBackslashesIsInsertedLiterally() {
		Placeholders placeholders = Placeholders.of(Map.of("v", "a$1\\b"));
		assertThat(placeholders.replace("SELECT '${v}'", SOURCE, 1)).isEqualTo("SELECT 'a$1\\b'");
	}

	@Test
	void aPlaceholderWithoutAValueNamesTheFileTheLineAndBothPropertiesButNoValue() {
		Placeholders placeholders = Placeholders.of(Map.of("db.password", "Hidden-Value-77"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> placeholders.replace("SELECT '${db.password}', ${missing}", SOURCE, 7))
			.withMessageContaining("line 7 of " + SOURCE)
			.withMessageContaining("${missing}")
			.withMessageContaining("migrations.placeholders.missing")
			.withMessageContaining("migrations.placeholder-replacement=false")
			.withMessageNotContaining("Hidden-Value-77");
	}

	@Test
	void aNameMatchesWhateverItsCaseWhenNoPlaceholderHasItExactly() {
		Placeholders placeholders = Placeholders.of(Map.of("upper", "u", "Mixed", "exact", "mixed", "lower"));
		assertThat(placeholders.replace("SELECT '${UPPER}', '${Mixed}', '${mixed}'", SOURCE, 1))
			.isEqualTo("SELECT 'u', 'exact', 'lower'");
		assertThatIllegalArgumentException().as("two names that differ only in case leave ${MIXED} undecided")
			.isThrownBy(() -> placeholders.replace("SELECT '${MIXED}'", SOURCE, 1))
			.withMessageContaining("${MIXED}, which has no value");
	}

	@Test
	void disabledReplacesNothing() {
		assertThat(Placeholders.disabled().replace("SELECT '${missing}'", SOURCE, 1)).isEqualTo("SELECT '${missing}'");
	}

	@Test
	void namesAreLettersDigitsUnderscoresDotsAndDashes() {
		assertThat(Placeholders.of(Map.of("a_b.c-1", "x")).replace("${a_b.c-1}", SOURCE, 1)).isEqualTo("x");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> Placeholders.of(Map.of("bad name", "x")))
			.withMessageContaining("'bad name'")
			.withMessageContaining("letters, digits");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> Placeholders.of(Map.of("x}", "y")));
	}

	@Test
	void valuesOfPlaceholdersNamedAsSecretsAreSecrets() {
		Placeholders placeholders = Placeholders.of(Map.of("db.password", "p1", "api_token", "t1", "signing-key", "k1",
				"schema", "public", "keyboard", "qwerty", "client_secret", "s1"));
		assertThat(placeholders.secretValues()).containsExactlyInAnyOrder("p1", "t1", "k1", "s1");
		Placeholders compound = Placeholders.of(Map.of("dbPassword", "p2", "apiKey", "k2", "encryptionKey", "k3",
				"APIKEY", "k4", "dbpassword", "p3", "monkey", "banana"));
		assertThat(compound.secretValues()).containsExactlyInAnyOrder("p2", "k2", "k3", "k4", "p3");
	}

	@Test
	void theHintOfAMissingSecretPlaceholderStaysWholeOnceMasked() {
		Placeholders placeholders = Placeholders.of(Map.of("other", "x"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> placeholders.replace("SELECT '${db.password}'", SOURCE, 3))
			.satisfies((ex) -> assertThat(Credentials.mask(ex.getMessage()))
				.contains("Set it with migrations.placeholders.db.password=")
				.contains("or turn replacement off (migrations.placeholder-replacement=false, --no-placeholders, or "
						+ "\"-- migrations: no-placeholders\" as the file's first line) to run the file as written"));
	}

}
