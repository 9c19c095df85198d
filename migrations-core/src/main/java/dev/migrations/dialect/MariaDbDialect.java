package dev.migrations.dialect;

/**
 * MariaDB: as MySQL.
 */
class MariaDbDialect extends MySqlDialect {

	@Override
	public String name() {
		return "mariadb";
	}

	@Override
	TableRenderer tableRenderer() {
		return new MariaDbTableRenderer(this);
	}

}
