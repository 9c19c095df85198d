package dev.migrations.boot.autoconfigure.exit;

import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicReference;

import dev.migrations.boot.autoconfigure.MigrationsInitializer;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Runs an application with {@code migrations.on-startup=apply-and-exit} inside the test
 * JVM, the way its {@code main} would: the migrations are applied, no web server starts
 * although one is on the class path, and {@code run} returns the closed context instead
 * of ending the JVM.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplyAndExitApplicationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create(DatabaseKind.POSTGRESQL);
	}

	@AfterEach
	void dropDatabase() {
		// A database that is not available skips the test before it is created
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void appliesThenClosesTheContextWithExitCodeZeroAndNoWebServer(CapturedOutput output) throws Exception {
		AtomicReference<MigrationsInitializer> initializer = new AtomicReference<>();
		SpringApplication application = new SpringApplication(MigrateAndExitApplication.class);
		application.addListeners((ApplicationListener<ApplicationStartedEvent>) (event) -> initializer
			.set(event.getApplicationContext().getBean(MigrationsInitializer.class)));
		// A web server would fail to start on a port that is taken
		try (ServerSocket taken = new ServerSocket(0)) {
			ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + this.database.url(),
					"--migrations.locations=classpath:db/operated", "--migrations.on-startup=apply-and-exit",
					"--server.port=" + taken.getLocalPort());
			assertThat(context.isActive()).as("context active after run").isFalse();
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
		}
		assertThat(initializer.get().getExitCode()).isZero();
		assertThat(this.database.tables()).contains("accounts", "invoices", "migrations_ledger");
		assertThat(output).contains("Migrations applied; closed the application with exit code 0");
	}

	@Test
	void failedMigrationFailsTheRunWithItsAnalysis(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplication(MigrateAndExitApplication.class).run(
				"--spring.datasource.url=" + this.database.url(), "--migrations.locations=classpath:db/broken",
				"--migrations.on-startup=apply-and-exit"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migration m_20241201000100_insert_into_missing_table failed")
			.contains("Fix migration m_20241201000100_insert_into_missing_table")
			.doesNotContain("closed the application with exit code");
	}

}
