package dev.migrations.test.spring.examples.instances;

import org.springframework.test.annotation.DirtiesContext;

/**
 * The same test as {@link OrdersAndReportsTests}, in a class that reuses its cached
 * context, whose runners applied nothing to this class's copies, and closes it
 * afterwards.
 */
@DirtiesContext
class OtherOrdersAndReportsTests extends OrdersAndReportsTests {

}
