package dev.migrations.samples.aot;

import java.util.List;

import dev.migrations.MigrationState;
import dev.migrations.boot.autoconfigure.MigrationBean;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.MigrationStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * An application built ahead of time ({@code spring-boot-maven-plugin:process-aot}): its
 * SQL migrations are listed, read and checksummed at build time into
 * {@code META-INF/migrations/index}, and started with {@code -Dspring.aot.enabled=true}
 * it applies them from the index. It prints the ledger and exits.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class AotApplication {

	/**
	 * The Java migration of the sample, a bean.
	 * @return the migration
	 */
	@Bean
	@MigrationBean("m_20250101000200_welcome_note")
	WelcomeNote welcomeNote() {
		return new WelcomeNote();
	}

	/**
	 * Start the application, print its ledger, and stop.
	 * @param args the arguments, such as {@code --spring.datasource.url=...}
	 */
	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = SpringApplication.run(AotApplication.class, args)) {
			List<MigrationStatus> statuses = context.getBean(MigrationRunner.class).status();
			long applied = statuses.stream().filter((status) -> status.state() == MigrationState.APPLIED).count();
			System.out.println("Ledger: " + applied + " applied, " + (statuses.size() - applied) + " not applied");
		}
	}

}
