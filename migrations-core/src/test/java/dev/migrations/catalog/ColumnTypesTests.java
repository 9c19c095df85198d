package dev.migrations.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which type changes {@link ColumnTypes} takes as narrowing a column: each row is a
 * column's type as a catalog reader writes it, the type it is changed to, and whether a
 * value may be lost or refused.
 */
class ColumnTypesTests {

	@ParameterizedTest(name = "{0} -> {1}: narrows {2}")
	@CsvSource(delimiter = '|', textBlock = """
			varchar(100)         | varchar(20)          | true
			varchar(20)          | varchar(100)         | false
			varchar(20)          | varchar(20)          | false
			char(10)             | char(5)              | true
			char(5)              | varchar(10)          | false
			varchar(20)          | text                 | false
			varchar(20)          | longtext             | false
			text                 | varchar(255)         | true
			text                 | longtext             | false
			longtext             | text                 | true
			mediumtext           | text                 | true
			tinytext             | varchar(255)         | false
			json                 | longtext             | false
			character varying    | varchar(20)          | true
			varbinary(16)        | varbinary(8)         | true
			varbinary(16)        | blob                 | false
			longblob             | blob                 | true
			bytea                | longblob             | false
			blob                 | text                 | true
			""")
	void stringsAndBinaries(String from, String to, boolean narrows) {
		assertThat(ColumnTypes.narrows(from, to)).isEqualTo(narrows);
	}

	@ParameterizedTest(name = "{0} -> {1}: narrows {2}")
	@CsvSource(delimiter = '|', textBlock = """
			bigint               | int                  | true
			int                  | bigint               | false
			smallint             | int                  | false
			int                  | smallint             | true
			tinyint              | smallint             | false
			mediumint            | int                  | false
			int                  | mediumint            | true
			int unsigned         | int                  | true
			int unsigned         | bigint               | false
			int                  | int unsigned         | true
			int unsigned         | bigint unsigned      | false
			bigint unsigned      | bigint               | true
			int(11)              | int                  | false
			int                  | text                 | false
			int                  | varchar(5)           | true
			varchar(5)           | int                  | true
			""")
	void integers(String from, String to, boolean narrows) {
		assertThat(ColumnTypes.narrows(from, to)).isEqualTo(narrows);
	}

	@ParameterizedTest(name = "{0} -> {1}: narrows {2}")
	@CsvSource(delimiter = '|', textBlock = """
			numeric(10,2)        | numeric(12,2)        | false
			numeric(10,2)        | numeric(8,2)         | true
			numeric(10,2)        | numeric(10,1)        | true
			numeric(10,2)        | numeric(11,3)        | false
			numeric(10,2)        | numeric(10,3)        | true
			decimal(10,2)        | numeric(10,2)        | false
			numeric              | numeric(10,2)        | true
			numeric(10,2)        | numeric              | false
			int                  | numeric(10,0)        | false
			int                  | numeric(9,0)         | true
			int                  | numeric(12,2)        | false
			int                  | numeric(11,2)        | true
			bigint               | numeric(19,0)        | false
			bigint unsigned      | numeric(19,0)        | true
			bigint unsigned      | numeric(20,0)        | false
			mediumint unsigned   | decimal(7,0)         | true
			numeric(9,0)         | int                  | false
			numeric(10,0)        | int                  | true
			numeric(10,2)        | bigint               | true
			numeric(18,0)        | bigint               | false
			numeric(5,0)         | int unsigned         | true
			""")
	void exactNumbers(String from, String to, boolean narrows) {
		assertThat(ColumnTypes.narrows(from, to)).isEqualTo(narrows);
	}

	@ParameterizedTest(name = "{0} -> {1}: narrows {2}")
	@CsvSource(delimiter = '|', textBlock = """
			real                 | double               | false
			double               | real                 | true
			float                | double               | false
			double               | float                | true
			float                | real                 | false
			double precision     | float8               | false
			float4               | double precision     | false
			int                  | double               | false
			bigint               | double               | true
			int                  | real                 | true
			double               | numeric(30,10)       | true
			numeric(10,2)        | double               | true
			""")
	void approximateNumbers(String from, String to, boolean narrows) {
		assertThat(ColumnTypes.narrows(from, to)).isEqualTo(narrows);
	}

	@ParameterizedTest(name = "{0} -> {1}: narrows {2}")
	@CsvSource(delimiter = '|', textBlock = """
			timestamp                  | date                        | true
			date                       | timestamp                   | false
			date                       | time                        | true
			timestamp                  | time                        | true
			time                       | timestamp                   | true
			timestamp with time zone   | timestamp                   | true
			timestamptz                | timestamp                   | true
			timestamp                  | timestamptz                 | false
			timestamptz                | timestamp with time zone    | false
			timestamp(6)               | timestamp(3)                | true
			timestamp(3)               | timestamp(6)                | false
			timestamp(3) with time zone | timestamptz(6)             | false
			time(6)                    | time(0)                     | true
			datetime                   | timestamp                   | false
			timestamp                  | datetime                    | false
			datetime(6)                | datetime                    | true
			datetime(0)                | datetime                    | false
			datetime                   | datetime(6)                 | false
			datetime                   | datetime(3)                 | true
			timestamp                  | varchar(5)                  | true
			timestamp                  | text                        | false
			""")
	void datesAndTimes(String from, String to, boolean narrows) {
		assertThat(ColumnTypes.narrows(from, to)).isEqualTo(narrows);
	}

	@ParameterizedTest(name = "{0} -> {1}: narrows {2}")
	@CsvSource(delimiter = '|', textBlock = """
			enum('a','b')        | enum('a','b','c')    | false
			enum('a','b','c')    | enum('a','b')        | true
			enum('a','b')        | enum('b','a')        | false
			enum('a','b')        | enum('a','c')        | true
			set('a','b')         | set('a','b','c')     | false
			enum('a','b')        | text                 | false
			enum('a','b')        | int                  | true
			""")
	void enumsAndSets(String from, String to, boolean narrows) {
		assertThat(ColumnTypes.narrows(from, to)).isEqualTo(narrows);
	}

	@ParameterizedTest(name = "{0} -> {1}: narrows {2}")
	@CsvSource(delimiter = '|', textBlock = """
			tinyint(1)           | boolean              | false
			boolean              | tinyint(1)           | false
			bool                 | tinyint(1)           | false
			tinyint(1)           | int                  | false
			int                  | tinyint(1)           | true
			tinyint(1)           | varchar(1)           | true
			""")
	void booleans(String from, String to, boolean narrows) {
		assertThat(ColumnTypes.narrows(from, to)).isEqualTo(narrows);
	}

	@ParameterizedTest(name = "{0} -> {1}: narrows {2}")
	@CsvSource(delimiter = '|', textBlock = """
			int4                      | integer              | false
			integer                   | int                  | false
			int8                      | int4                 | true
			int2                      | smallint             | false
			serial                    | integer              | false
			character varying(20)     | varchar(20)          | false
			character varying(20)     | varchar(10)          | true
			varchar(10)               | character varying(20) | false
			datetime                  | timestamp            | false
			DATETIME                  | Timestamp            | false
			""")
	void namesOfTheSameType(String from, String to, boolean narrows) {
		assertThat(ColumnTypes.narrows(from, to)).isEqualTo(narrows);
	}

	@ParameterizedTest(name = "{0} -> {1}: narrows {2}")
	@CsvSource(delimiter = '|', textBlock = """
			geometry             | point                | true
			geometry             | geometry             | false
			uuid                 | varchar(36)          | true
			uuid                 | text                 | false
			int                  | uuid                 | true
			inet                 | cidr                 | true
			""")
	void unknownTypesNarrowWhenTheyChange(String from, String to, boolean narrows) {
		assertThat(ColumnTypes.narrows(from, to)).isEqualTo(narrows);
	}

}
