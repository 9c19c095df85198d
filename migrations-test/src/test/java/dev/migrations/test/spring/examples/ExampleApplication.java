package dev.migrations.test.spring.examples;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of the Spring examples: a DataSource, the migrations starter and
 * nothing else.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ExampleApplication {

}
