package dev.migrations.boot.docs;

import dev.migrations.boot.autoconfigure.MigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code MigrationStrategy} of docs/spring-boot.md, "Startup modes".
 */
@Configuration(proxyBeanMethods = false)
class MigrationStrategyExample {

	@Bean
	MigrationStrategy repairThenApply() {
		return (runner) -> {
			runner.repair(false);
			runner.applyAll();
		};
	}

}
