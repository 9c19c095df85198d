package dev.migrations.boot.docs;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The Testcontainers field of docs/spring-boot.md, "Service connections", as a test class
 * with Docker declares it. It holds no test: the same path runs without Docker in
 * {@code PostgresqlServiceConnectionApplicationTests}.
 */
@Testcontainers(disabledWithoutDocker = true)
class ServiceConnectionExample {

	@Container
	@ServiceConnection
	static final PostgreSQLContainer postgresql = new PostgreSQLContainer("postgres:15-alpine");

}
