package dev.migrations.dialect;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Reads the text PostgreSQL's driver returns for a timestamp column without a time zone,
 * {@code yyyy-MM-dd HH:mm:ss} with up to nine digits of fraction, as UTC. The ledger's
 * {@code applied_at} is read on every start, a thousand rows of it; the driver's own
 * conversion to {@code LocalDateTime} costs a starting JVM more, while this one is a few
 * arithmetic steps a row. Only for a driver whose text is known to have this form: MySQL
 * Connector/J's text of a {@code DATETIME(3)} drops the leading zeros of the fraction.
 */
final class UtcTimestampText {

	private static final int DATE_TIME_LENGTH = 19;

	private static final int MAXIMUM_FRACTION_DIGITS = 9;

	private UtcTimestampText() {
	}

	/**
	 * Read a timestamp's text.
	 * @param text the text, as the driver returns it
	 * @return the instant, or {@code null} when the text has another form, for the caller
	 * to read the column as the driver converts it
	 */
	static @Nullable Instant parse(@Nullable String text) {
		if (text == null || text.length() < DATE_TIME_LENGTH
				|| text.length() > DATE_TIME_LENGTH + 1 + MAXIMUM_FRACTION_DIGITS || !hasSeparators(text)) {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int nanos = fraction(text);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean hasSeparators(String text) {
		return text.charAt(4) == '-' && text.charAt(7) == '-' && (text.charAt(10) == ' ' || text.charAt(10) == 'T')
				&& text.charAt(13) == ':' && text.charAt(16) == ':';
	}

	/**
	 * Return the nanoseconds of the fraction after the seconds, 0 when there is none, or
	 * -1 when the text goes on with something else.
	 */
	private static int fraction(String text) {
		if (text.length() == DATE_TIME_LENGTH) {
			return 0;
		}
		if (text.charAt(DATE_TIME_LENGTH) != '.' || text.length() == DATE_TIME_LENGTH + 1) {
			return -1;
		}
		int value = digits(text, DATE_TIME_LENGTH + 1, text.length());
		if (value < 0) {
			return -1;
		}
		for (int scale = text.length() - DATE_TIME_LENGTH - 1; scale < MAXIMUM_FRACTION_DIGITS; scale++) {
			value *= 10;
		}
		return value;
	}

	/**
	 * Return the number the decimal digits between two indexes make, or -1 when one is
	 * not a digit.
	 */
	private static int digits(String text, int start, int end) {
		int value = 0;
		for (int index = start; index < end; index++) {
			char digit = text.charAt(index);
			if (digit < '0' || digit > '9') {
				return -1;
			}
			value = value * 10 + (digit - '0');
		}
		return value;
	}

}
