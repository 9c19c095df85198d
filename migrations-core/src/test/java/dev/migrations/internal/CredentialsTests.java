package dev.migrations.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.List;

import dev.migrations.Credentials;
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
		assertThat(Credentials.mask("jdbc:oracle:thin:scott/s3cret@//db:1521/app"))
			.isEqualTo("jdbc:oracle:thin:scott/******@//db:1521/app");
		assertThat(Credentials.mask("jdbc:sqlserver://db;user=app;password=s3cret;encrypt=true"))
			.isEqualTo("jdbc:sqlserver://db;user=app;password=******;encrypt=true");
	}

	@Test
	void masksOtherSecretsAndLeavesTheRestAlone() {
		assertThat(Credentials.mask("token=abc secret: xyz pwd=1")).isEqualTo("token=****** secret: ****** pwd=******");
		assertThat(Credentials.mask("Migration m_20241201000000_create_users_table failed: table USERS exists"))
			.isEqualTo("Migration m_20241201000000_create_users_table failed: table USERS exists");
		assertThat(Credentials.mask(null)).isNull();
	}

	@Test
	void masksEveryKeyWordWrittenInAnyCase() {
		assertThat(Credentials.mask("Credentials: abc; CREDENTIAL=def"))
			.isEqualTo("Credentials: ******; CREDENTIAL=******");
		assertThat(Credentials.mask("Passwd: a PWD=b Token: c SECRET=d"))
			.isEqualTo("Passwd: ****** PWD=****** Token: ****** SECRET=******");
		assertThat(Credentials.secretsIn("jdbc:mariadb://db/app?user=app&PASSWORD=s3cret")).containsExactly("s3cret");
		assertThat(Credentials.secretsIn("jdbc:postgresql://app:pw@db/app")).containsExactly("pw");
		assertThat(Credentials.secretsIn("jdbc:postgresql://db/app?user=app")).isEmpty();
	}

	@Test
	void masksAKnownSecretOnlyWhereItStandsAsAWholeToken() {
		assertThat(Credentials.mask("Could not connect to the database: e", List.of("e")))
			.isEqualTo("Could not connect to the database: ******");
		assertThat(Credentials.mask("Incorrect port value : S3cret@127.0.0.1", List.of("S3cret")))
			.isEqualTo("Incorrect port value : ******@127.0.0.1");
		assertThat(Credentials.mask("login failed for root with hunter2, retry", List.of("hunter2")))
			.isEqualTo("login failed for root with ******, retry");
		assertThat(Credentials.mask(null, List.of("x"))).isNull();
	}

	@Test
	void findsThePasswordsAUrlCarries() {
		assertThat(Credentials.secretsIn("jdbc:mariadb://root:S3cret@127.0.0.1:3999/x")).containsExactly("S3cret");
		assertThat(Credentials.secretsIn("jdbc:postgresql://db/app?user=app&password=hunter2&ssl=true"))
			.containsExactly("hunter2");
		assertThat(Credentials.secretsIn("jdbc:h2:mem:app")).isEmpty();
		assertThat(Credentials.secretsIn(null)).isEmpty();
	}

	@Test
	void leavesWhetherAPasswordWasSentReadable() {
		assertThat(Credentials.mask("Access denied for user 'root'@'127.0.0.1' (using password: YES)"))
			.isEqualTo("Access denied for user 'root'@'127.0.0.1' (using password: YES)");
		assertThat(Credentials.mask("Access denied for user 'root'@'localhost' (using password: NO)", List.of("e")))
			.isEqualTo("Access denied for user 'root'@'localhost' (using password: NO)");
		assertThat(Credentials.mask("password: YES-and-more")).isEqualTo("password: ******");
	}

	@Test
	void masksEveryMessageOfADriversFailureAsItsStackTracePrintsThem() {
		SQLException failure = new SQLInvalidAuthorizationSpecException("Incorrect port value : S3cretPw9@127.0.0.1",
				"08000", 1045, new UnknownHostException("S3cretPw9@127.0.0.1"));
		failure.addSuppressed(new IllegalStateException("retried with password=S3cretPw9"));

		SQLException masked = Credentials.maskFailure(failure, List.of("S3cretPw9"));

		assertThat(masked.getMessage()).isEqualTo("Incorrect port value : ******@127.0.0.1");
		assertThat(masked.getSQLState()).isEqualTo("08000");
		assertThat(masked.getErrorCode()).isEqualTo(1045);
		assertThat(masked.getStackTrace()).isEqualTo(failure.getStackTrace());
		String trace = stackTrace(masked);
		assertThat(trace).doesNotContain("S3cretPw9")
			.startsWith("java.sql.SQLInvalidAuthorizationSpecException: Incorrect port value : ******@127.0.0.1")
			.contains("Caused by: java.net.UnknownHostException: ******@127.0.0.1")
			.contains("Suppressed: java.lang.IllegalStateException: retried with password=******");
	}

	@Test
	void leavesADriversFailureThatCarriesNoCredentialAsItIs() {
		SQLException failure = new SQLException("Connection to 127.0.0.1:1 refused", "08001",
				new IllegalStateException("refused"));
		assertThat((Throwable) Credentials.maskFailure(failure, List.of("S3cretPw9", "e"))).isSameAs(failure);
	}

	private static String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

}
