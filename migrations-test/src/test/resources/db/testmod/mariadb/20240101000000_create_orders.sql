CREATE TABLE customers (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL);
CREATE TABLE orders (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL,
    total DECIMAL(10, 2) NOT NULL, total_with_tax DECIMAL(10, 2) AS (total * 2) VIRTUAL,
    FOREIGN KEY (customer_id) REFERENCES customers (id));
CREATE TABLE audit (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id INT NOT NULL);
INSERT INTO customers (id, name) VALUES (1, 'ada');
INSERT INTO orders (customer_id, total) VALUES (1, 10.00);
CREATE VIEW big_orders AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.total > 5;
CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW INSERT INTO audit (order_id) VALUES (NEW.id);
CREATE FUNCTION order_count() RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM orders);
