package dev.migrations.dialect;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's {@code applied_at} read from the text the drivers return, as UTC, to the
 * nanosecond; any other text is left to the driver's own conversion.
 */
class UtcTimestampTextTests {

	@Test
	void readsTheTextOfATimestampAsUtc() {
		assertThat(UtcTimestampText.parse("2024-01-02 03:04:05")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
		assertThat(UtcTimestampText.parse("2024-02-29T23:59:59")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
	}

	@Test
	void keepsEveryDigitOfTheFraction() {
		assertThat(UtcTimestampText.parse("2024-01-02 03:04:05.1"))
			.isEqualTo(Instant.parse("2024-01-02T03:04:05.100Z"));
		assertThat(UtcTimestampText.parse("2024-01-02 03:04:05.123"))
			.isEqualTo(Instant.parse("2024-01-02T03:04:05.123Z"));
		assertThat(UtcTimestampText.parse("2024-01-02 03:04:05.000456"))
			.isEqualTo(Instant.parse("2024-01-02T03:04:05.000456Z"));
		assertThat(UtcTimestampText.parse("2024-01-02 03:04:05.123456789"))
			.isEqualTo(Instant.parse("2024-01-02T03:04:05.123456789Z"));
	}

	@Test
	void leavesAnyOtherTextToTheDriver() {
		assertThat(UtcTimestampText.parse(null)).isNull();
		assertThat(UtcTimestampText.parse("infinity")).isNull();
		assertThat(UtcTimestampText.parse("2024-01-02 03:04:05+01")).isNull();
		assertThat(UtcTimestampText.parse("2024-01-02 03:04:05.")).isNull();
		assertThat(UtcTimestampText.parse("2024-01-02 03:04:05.1234567891")).isNull();
		assertThat(UtcTimestampText.parse("2024-13-02 03:04:05")).isNull();
		assertThat(UtcTimestampText.parse("2023-02-29 03:04:05")).isNull();
		assertThat(UtcTimestampText.parse("02-JAN-24 03.04.05")).isNull();
		assertThat(UtcTimestampText.parse("-2024-01-02 03:04:05")).isNull();
	}

}
