INSERT INTO orders (customer, amount, ordered_on) VALUES ('Ada', 12.50, DATE '2024-12-01');
INSERT INTO orders (customer, amount, ordered_on) VALUES ('Grace', 30.00, DATE '2024-12-01');
INSERT INTO orders (customer, amount, ordered_on) VALUES ('Alan', 7.25, DATE '2024-12-02');
