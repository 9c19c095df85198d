package dev.migrations.boot.autoconfigure;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.command.MigrationCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MigrationCommandRunListener} and {@link MigrationCommand}: which
 * argument is the command, and what reaches the command line.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationCommandRunListenerTests {

	@Test
	void commandAfterOptionsIsTheCommandAndTheOptionsFollowIt() {
		assertThat(commandArgs("--spring.datasource.url=jdbc:h2:mem:app", "--verbose", "migrate:status", "--pending"))
			.containsExactly("migrate:status", "--verbose", "--pending");
	}

	@Test
	void commandFirstKeepsItsArgumentsInOrderWithoutApplicationProperties() {
		assertThat(commandArgs("migrate:rollback", "--steps", "2", "--migrations.table=ledger", "--debug"))
			.containsExactly("migrate:rollback", "--steps", "2");
	}

	@Test
	void endOfOptionsBeforeTheCommandIsNotPassedOn() {
		assertThat(commandArgs("--migrations.table=ledger", "--", "migrate")).containsExactly("migrate");
	}

	@Test
	void otherFirstArgumentLeavesTheApplicationAlone() {
		assertThat(commandArgs("--spring.profiles.active=prod", "import", "migrate:status")).isNull();
		assertThat(commandArgs("--spring.profiles.active", "prod", "migrate:status")).isNull();
		assertThat(commandArgs("migrations")).isNull();
		assertThat(commandArgs()).isNull();
	}

	@Test
	void unknownCommandInTheNamespaceExitsWithTheUsageErrorBeforeTheApplicationStarts(CapturedOutput output) {
		for (String typo : List.of("migrate:stauts", "make:migrations", "migrate:")) {
			List<Integer> exits = new ArrayList<>();
			MigrationCommandRunListener listener = listener("--spring.datasource.url=jdbc:h2:mem:app", typo);
			listener.setExit(exits::add);
			assertThatIllegalStateException().isThrownBy(() -> listener.starting(null));
			assertThat(exits).containsExactly(MigrationCommandLine.USAGE);
			assertThat(output).contains("error: Unknown command '" + typo + "'");
		}
		assertThat(output.getErr()).contains("Usage: <command> [options]");
	}

	@Test
	void commandWithAUsageErrorExitsWithItBeforeTheApplicationStarts(CapturedOutput output) {
		Map<List<String>, String> errors = Map.of(List.of("migrate:status", "--pendingg"),
				"Unknown option '--pendingg' for migrate:status", List.of("migrate:rollback", "--steps", "0"),
				"Option --steps needs a whole number of at least 1, got '0'",
				List.of("migrate:rollback", "--steps", "2", "--to", "m_20241201000000_a"),
				"Use either --steps or --to, not both", List.of("migrate:baseline"),
				"migrate:baseline takes exactly one argument", List.of("make:migration", "CreateUsers"),
				"Migration name 'CreateUsers' must be snake_case");
		errors.forEach((args, error) -> {
			List<String> withProperty = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:mem:app"));
			withProperty.addAll(args);
			List<Integer> exits = new ArrayList<>();
			MigrationCommandRunListener listener = listener(withProperty.toArray(String[]::new));
			listener.setExit(exits::add);
			assertThatIllegalStateException().isThrownBy(() -> listener.starting(null));
			assertThat(exits).as(args.toString()).containsExactly(MigrationCommandLine.USAGE);
			assertThat(output).contains("error: " + error);
		});
	}

	@Test
	void knownCommandAndApplicationArgumentsStartNormally() {
		for (String[] args : List.of(new String[] { "migrate:status" },
				new String[] { "migrate:rollback", "--steps", "2", "--migrations.table=ledger", "--verbose" },
				new String[] { "--debug", "migrate:baseline", "m_20241201000000_a" }, new String[] { "import" },
				new String[0])) {
			List<Integer> exits = new ArrayList<>();
			MigrationCommandRunListener listener = listener(args);
			listener.setExit(exits::add);
			listener.starting(null);
			assertThat(exits).isEmpty();
		}
	}

	@Test
	void aCommandStartsNoWebServerAndLeavesTheTypeOfAnApplicationProcessedAheadOfTimeAsBuilt() {
		assertThat(preparedFor("migrate:status").getProperty("spring.main.web-application-type")).isEqualTo("none");
		System.setProperty("spring.aot.enabled", "true");
		try {
			// The type was fixed at build time; the command ends the process before the
			// server starts
			assertThat(preparedFor("migrate:status").getProperty("spring.main.web-application-type")).isNull();
		}
		finally {
			System.clearProperty("spring.aot.enabled");
		}
	}

	private static StandardEnvironment preparedFor(String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		PrintStream out = System.out;
		try {
			listener(args).environmentPrepared(null, environment);
		}
		finally {
			System.setOut(out);
		}
		return environment;
	}

	private static List<String> commandArgs(String... args) {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			listener(args).contextPrepared(context);
			MigrationCommand command = context.getBeanFactory()
				.getBeanProvider(MigrationCommand.class)
				.getIfAvailable();
			return (command != null) ? command.args() : null;
		}
	}

	private static MigrationCommandRunListener listener(String... args) {
		return new MigrationCommandRunListener(new SpringApplication(), args);
	}

}
