ALTER TABLE customers ADD COLUMN email VARCHAR(200);
CREATE UNIQUE INDEX customers_email ON customers (email);
