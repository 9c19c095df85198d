package dev.migrations.samples.multidatasource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Two databases, orders and reporting, each migrated from its own location into its own
 * ledger by {@code migrations.instances.*}, then used together by
 * {@link DailyTotalsReport}.
 */
@SpringBootApplication
public class MultiDataSourceApplication {

	public static void main(String[] args) {
		SpringApplication.run(MultiDataSourceApplication.class, args);
	}

}
