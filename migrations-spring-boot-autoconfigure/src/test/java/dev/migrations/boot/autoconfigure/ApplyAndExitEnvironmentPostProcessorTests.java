package dev.migrations.boot.autoconfigure;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApplyAndExitEnvironmentPostProcessor}: an application that only
 * applies its migrations and closes does not listen on its port.
 */
class ApplyAndExitEnvironmentPostProcessorTests {

	@AfterEach
	void leaveAheadOfTimeMode() {
		System.clearProperty("spring.aot.enabled");
	}

	@Test
	void applyAndExitStartsNoWebServer() {
		MockEnvironment environment = postProcessed(
				new MockEnvironment().withProperty("migrations.on-startup", "apply-and-exit"));
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("server.port")).isNull();
	}

	@Test
	void processedAheadOfTimeApplyAndExitKeepsTheBuiltTypeAndListensOnAFreePort() {
		System.setProperty("spring.aot.enabled", "true");
		MockEnvironment environment = postProcessed(
				new MockEnvironment().withProperty("migrations.on-startup", "apply-and-exit")
					.withProperty("server.port", "8080")
					.withProperty("management.server.port", "8081"));
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
		assertThat(environment.getProperty("server.port")).isEqualTo("0");
		assertThat(environment.getProperty("management.server.port")).isEqualTo("0");
		MockEnvironment sharedPort = postProcessed(
				new MockEnvironment().withProperty("migrations.on-startup", "apply-and-exit"));
		assertThat(sharedPort.getProperty("management.server.port")).isNull();
	}

	@Test
	void otherModesAreLeftAlone() {
		System.setProperty("spring.aot.enabled", "true");
		for (String mode : new String[] { "apply", "validate", "none" }) {
			MockEnvironment environment = postProcessed(
					new MockEnvironment().withProperty("migrations.on-startup", mode));
			assertThat(environment.getProperty("server.port")).as(mode).isNull();
			assertThat(environment.getProperty("spring.main.web-application-type")).as(mode).isNull();
		}
	}

	private static MockEnvironment postProcessed(MockEnvironment environment) {
		new ApplyAndExitEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
