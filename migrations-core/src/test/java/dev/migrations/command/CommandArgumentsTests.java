package dev.migrations.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one parser of the command line, for a command's options and for those a front end
 * reads before it.
 */
class CommandArgumentsTests {

	private static final List<CommandOption> CONNECTION = List.of(CommandOption.withValue("--url"),
			CommandOption.withValue("--password"));

	@Test
	void extractTakesOptionsWhereverTheyStandAndKeepsTheOtherWordsInOrder() {
		CommandArguments arguments = CommandArguments.extract(
				List.of("--verbose", "--url", "jdbc:h2:mem:a", "migrate", "--password=s3cret", "--limit", "2"),
				CONNECTION);
		assertThat(arguments.value("--url")).isEqualTo("jdbc:h2:mem:a");
		assertThat(arguments.value("--password")).isEqualTo("s3cret");
		assertThat(arguments.words()).containsExactly("--verbose", "migrate", "--limit", "2");
	}

	@Test
	void anOptionGivenTwiceKeepsItsLastValue() {
		CommandArguments arguments = CommandArguments.extract(List.of("--url=jdbc:h2:mem:a", "--url", "jdbc:h2:mem:b"),
				CONNECTION);
		assertThat(arguments.value("--url")).isEqualTo("jdbc:h2:mem:b");
		assertThat(arguments.has("--password")).isFalse();
		assertThat(arguments.value("--password")).isNull();
	}

	@Test
	void anOptionWithoutItsValueIsAUsageError() {
		for (List<String> args : List.of(List.of("migrate", "--url"), List.of("--url=", "migrate"))) {
			assertThatExceptionOfType(CommandLineUsageException.class)
				.isThrownBy(() -> CommandArguments.extract(args, CONNECTION))
				.withMessage("Option --url needs a value");
		}
	}

	@Test
	void aCommandOptionWithoutItsValueIsAUsageError() {
		assertThat(checkUsage("migrate", "--limit")).contains("error: Option --limit needs a value\n");
		assertThat(checkUsage("migrate", "--limit=")).contains("error: Option --limit needs a value\n");
		assertThat(checkUsage("migrate:rollback", "--to")).contains("error: Option --to needs a value\n");
	}

	@Test
	void aFlagGivenAValueIsAUsageErrorNotTheFlag() {
		assertThat(checkUsage("migrate:status", "--json=false"))
			.contains("error: Option --json takes no value: give --json alone, or leave it out\n");
		assertThat(checkUsage("migrate:status", "--pending=true")).contains("error: Option --pending takes no value");
	}

	@Test
	void anUnknownOptionOfACommandIsAUsageErrorThatNamesTheCommand() {
		assertThat(checkUsage("migrate", "--force")).startsWith("error: Unknown option '--force' for migrate\n")
			.contains("Usage: <command> [options]");
		assertThat(checkUsage("--steps=2", "migrate:status"))
			.startsWith("error: Unknown option '--steps' for migrate:status\n");
	}

	@Test
	void optionsTakeTheirValueAsTheNextWordOrAfterAnEqualsSign() {
		CommandArguments separate = CommandArguments.parse("migrate", List.of("--limit", "3", "--json"),
				List.of(CommandOption.withValue("--limit"), CommandOption.flag("--json")));
		CommandArguments joined = CommandArguments.parse("migrate", List.of("--json", "--limit=3"),
				List.of(CommandOption.withValue("--limit"), CommandOption.flag("--json")));
		for (CommandArguments arguments : List.of(separate, joined)) {
			assertThat(arguments.positiveInt("--limit", 1)).isEqualTo(3);
			assertThat(arguments.has("--json")).isTrue();
			assertThat(arguments.words()).isEmpty();
		}
	}

	@Test
	void everyCommandTakesVerbose() {
		assertThat(MigrationCommandLine.checkUsage(List.of("--verbose", "migrate:validate", "--verbose"),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
			.isEqualTo(MigrationCommandLine.SUCCESS);
	}

	@Test
	void aCommandTakesItsNumberOfArguments() {
		assertThat(checkUsage("migrate:status", "extra"))
			.startsWith("error: migrate:status takes no arguments, got [extra]\n");
		assertThat(checkUsage("make:migration"))
			.startsWith("error: make:migration takes exactly one argument, got []\n");
	}

	private static String checkUsage(String... args) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = MigrationCommandLine.checkUsage(List.of(args), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(MigrationCommandLine.USAGE);
		return err.toString(StandardCharsets.UTF_8);
	}

}
