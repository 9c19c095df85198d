CREATE TABLE invoices (id INT PRIMARY KEY, account_id INT REFERENCES accounts (id));
