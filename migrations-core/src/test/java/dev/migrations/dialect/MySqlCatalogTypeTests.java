package dev.migrations.dialect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column types as MySQL and MariaDB write them read the same: lower case, without the
 * display widths MySQL 8 no longer writes.
 */
class MySqlCatalogTypeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			int(11)                      | int
			INT(10) UNSIGNED             | int unsigned
			bigint(20)                   | bigint
			bigint                       | bigint
			smallint(6)                  | smallint
			mediumint(9)                 | mediumint
			tinyint(4)                   | tinyint
			tinyint(1)                   | tinyint(1)
			year(4)                      | year
			int(5) unsigned zerofill     | int(5) unsigned zerofill
			varchar(255)                 | varchar(255)
			decimal(10,2) unsigned       | decimal(10,2) unsigned
			bit(1)                       | bit(1)
			enum('Draft','Published')    | enum('Draft','Published')
			""")
	void typesAreNormalised(String written, String normalised) {
		assertThat(MySqlCatalogReader.normaliseType(written)).isEqualTo(normalised);
	}

}
