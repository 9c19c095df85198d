package dev.migrations.test.spring.examples;

import org.springframework.test.annotation.DirtiesContext;

/**
 * The same test as {@link FirstSpringBootTests}, in a class that reuses its cached
 * context, and closes it afterwards.
 */
@DirtiesContext
class SecondSpringBootTests extends FirstSpringBootTests {

}
