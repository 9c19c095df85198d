-- flyway: V9999
-- Test data, in a location only the tests use; version 9999 made Flyway apply it last
INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com');
INSERT INTO customers (id, name, email) VALUES (2, 'Grace', 'grace@example.com');
INSERT INTO orders (id, customer_id, total) VALUES (1, 1, 12.50);
