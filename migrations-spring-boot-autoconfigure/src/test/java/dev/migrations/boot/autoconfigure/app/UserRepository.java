package dev.migrations.boot.autoconfigure.app;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Repository of {@link User}s.
 */
public interface UserRepository extends JpaRepository<User, Long> {

}
