package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@link MigrationsConnectionDetails} of {@code migrations.url},
 * {@code migrations.user} and {@code migrations.password}. Thread-safe.
 */
final class PropertiesMigrationsConnectionDetails implements MigrationsConnectionDetails {

	private final MigrationsProperties properties;

	PropertiesMigrationsConnectionDetails(MigrationsProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getJdbcUrl() {
		String url = this.properties.getUrl();
		Assert.state(url != null, "migrations.url is not set");
		return url;
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUser();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

}
