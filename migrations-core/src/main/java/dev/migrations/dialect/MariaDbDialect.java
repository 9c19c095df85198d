package dev.migrations.dialect;

/**
 * MariaDB: as MySQL, with the catalog as MariaDB's {@code information_schema} writes it.
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

	@Override
	MySqlCatalogReader catalogReader() {
		return MySqlCatalogReader.mariadb();
	}

}
