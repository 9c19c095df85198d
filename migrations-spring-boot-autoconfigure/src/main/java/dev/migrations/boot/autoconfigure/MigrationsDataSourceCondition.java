package dev.migrations.boot.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when there is a database to migrate: any DataSource bean, a
 * {@link MigrationsConnectionDetails} bean, {@code migrations.url}, or
 * {@code migrations.instances}. Several DataSource beans of which none is chosen
 * ({@code @Primary} or {@link MigrationsDataSource @MigrationsDataSource}) match too, so
 * that startup fails with a {@link NoMigrationsDataSourceException} instead of leaving
 * the database unmigrated without a word.
 */
final class MigrationsDataSourceCondition extends AnyNestedCondition {

	MigrationsDataSourceCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBean(DataSource.class)
	static final class AnyDataSource {

	}

	@ConditionalOnBean(MigrationsConnectionDetails.class)
	static final class AnyConnectionDetails {

	}

	@ConditionalOnProperty("migrations.url")
	static final class MigrationsUrl {

	}

	@Conditional(InstancesConfiguredCondition.class)
	static final class Instances {

	}

	/**
	 * Matches when any {@code migrations.instances} entry is configured.
	 */
	static final class InstancesConfiguredCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return MigrationInstances.configured(context.getEnvironment())
					? ConditionOutcome.match("migrations.instances configured")
					: ConditionOutcome.noMatch("no migrations.instances configured");
		}

	}

	/**
	 * Matches when {@code migrations.url} has text.
	 */
	static final class MigrationsUrlCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("migrations.url"))
					? ConditionOutcome.match("migrations.url set") : ConditionOutcome.noMatch("migrations.url not set");
		}

	}

	/**
	 * Matches when no {@code migrations.instances} entry is configured.
	 */
	static final class NoInstancesConfiguredCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return MigrationInstances.configured(context.getEnvironment())
					? ConditionOutcome.noMatch("migrations.instances configured")
					: ConditionOutcome.match("no migrations.instances configured");
		}

	}

}
