package dev.migrations.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Credentials}.
 */
class CredentialsTests {

	@Test
	void masksPasswordsInJdbcUrls() {
		assertThat(Credentials.mask("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=******&ssl=true");
		assertThat(Credentials.mask("jdbc:h2:mem:app;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL"))
			.isEqualTo("jdbc:h2:mem:app;USER=sa;PASSWORD=******;MODE=PostgreSQL");
		assertThat(Credentials.mask("jdbc:mysql://app:s3cret@db:3306/app"))
			.isEqualTo("jdbc:mysql://app:******@db:3306/app");
	}

	@Test
	void masksOtherSecretsAndLeavesTheRestAlone() {
		assertThat(Credentials.mask("token=abc secret: xyz pwd=1")).isEqualTo("token=****** secret: ****** pwd=******");
		assertThat(Credentials.mask("Migration m_20241201000000_create_users_table failed: table USERS exists"))
			.isEqualTo("Migration m_20241201000000_create_users_table failed: table USERS exists");
		assertThat(Credentials.mask(null)).isNull();
	}

}
