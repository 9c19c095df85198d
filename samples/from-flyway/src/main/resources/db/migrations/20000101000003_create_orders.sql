-- flyway: V2
CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    total DECIMAL(10, 2) NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id);
