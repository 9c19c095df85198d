package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.MigrationTargets;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for a {@link MigrationFleet}: the
 * migrations of the {@link MigrationRunner} bean, run in every schema that
 * {@code migrations.fleet.schemas} (or a {@link MigrationTargets} bean) lists. When there
 * is a fleet, {@link MigrationsInitializer} acts on it at start-up instead of on the
 * runner's own schema. A fleet is made of one runner: with several (as
 * {@code migrations.instances} defines them) start-up fails, naming them.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass(MigrationFleet.class)
@ConditionalOnBean(MigrationRunner.class)
@Conditional(MigrationFleetAutoConfiguration.FleetConfiguredCondition.class)
@EnableConfigurationProperties(FleetProperties.class)
public final class MigrationFleetAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationFleet migrationFleet(ObjectProvider<MigrationRunner> runners, ObjectProvider<MigrationTargets> targets,
			FleetProperties properties, ListableBeanFactory beanFactory) {
		MigrationRunner runner = runners.getIfUnique();
		if (runner == null) {
			throw new IllegalStateException("A fleet (migrations.fleet.schemas or a MigrationTargets bean) runs the "
					+ "migrations of one MigrationRunner in many schemas, and there are several: "
					+ String.join(", ", beanFactory.getBeanNamesForType(MigrationRunner.class))
					+ ". Define a MigrationFleet bean built with MigrationFleet.builder(runner) for the runner "
					+ "it is for, or mark that runner @Primary.");
		}
		if (properties.getParallelism() < 1) {
			throw new IllegalStateException("migrations.fleet.parallelism must be 1 or more, got "
					+ properties.getParallelism() + ": set it to how many schemas may be migrated at once, such as "
					+ MigrationFleet.DEFAULT_PARALLELISM);
		}
		MigrationFleet.Builder builder = MigrationFleet.builder(runner).parallelism(properties.getParallelism());
		MigrationTargets userTargets = targets.getIfAvailable();
		if (userTargets != null) {
			return builder.targets(userTargets).build();
		}
		for (String schema : properties.getSchemas()) {
			if (schema.contains("%")) {
				builder.schemasLike(schema);
			}
			else {
				builder.schemas(schema);
			}
		}
		return builder.build();
	}

	/**
	 * Matches when {@code migrations.fleet.schemas} lists a schema or the application
	 * defines a {@link MigrationTargets} bean.
	 */
	static final class FleetConfiguredCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			List<String> schemas = Binder.get(context.getEnvironment())
				.bind("migrations.fleet.schemas", Bindable.listOf(String.class))
				.orElse(List.of());
			if (!schemas.isEmpty()) {
				return ConditionOutcome.match("migrations.fleet.schemas is set");
			}
			if (context.getBeanFactory() != null
					&& context.getBeanFactory().getBeanNamesForType(MigrationTargets.class, true, false).length > 0) {
				return ConditionOutcome.match("found a MigrationTargets bean");
			}
			return ConditionOutcome.noMatch("neither migrations.fleet.schemas nor a MigrationTargets bean");
		}

	}

}
