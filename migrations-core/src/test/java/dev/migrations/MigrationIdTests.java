package dev.migrations;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationIdTests {

	@Test
	void parsesWithAndWithoutPrefixToTheSameId() {
		MigrationId withPrefix = MigrationId.parse("m_20241201000000_create_users_table");
		MigrationId withoutPrefix = MigrationId.parse("20241201000000_create_users_table");
		assertThat(withPrefix).isEqualTo(withoutPrefix).hasSameHashCodeAs(withoutPrefix);
		assertThat(withPrefix.timestamp()).isEqualTo("20241201000000");
		assertThat(withPrefix.slug()).isEqualTo("create_users_table");
		assertThat(withoutPrefix).hasToString("m_20241201000000_create_users_table");
	}

	@Test
	void ordersByTimestampThenSlug() {
		List<MigrationId> ids = new ArrayList<>(
				List.of(MigrationId.parse("20241201000001_a"), MigrationId.parse("20241201000000_b"),
						MigrationId.parse("20241201000000_a"), MigrationId.parse("20231201000000_z")));
		ids.sort(null);
		assertThat(ids).extracting(MigrationId::toString)
			.containsExactly("m_20231201000000_z", "m_20241201000000_a", "m_20241201000000_b", "m_20241201000001_a");
	}

	@Test
	void rejectsMalformedIdsShowingTheExpectedForm() {
		for (String malformed : List.of("V1__init", "2024120100000_short", "20241201000000_Upper", "20241201000000_",
				"20241201000000_with-dash", "x_20241201000000_a", "")) {
			assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> MigrationId.parse(malformed))
				.withMessageContaining("'" + malformed + "'")
				.withMessageContaining("m_YYYYMMDDHHMMSS_snake_case_name");
		}
	}

	@Test
	void rejectsATimestampThatIsNotADate() {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationId.parse("20241332000000_bad_month"))
			.withMessageContaining("not a valid UTC timestamp");
	}

}
