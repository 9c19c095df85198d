INSERT INTO users (id, email) VALUES (1, 'ada@example.com');
INSERT INTO no_such_table (id) VALUES (1);
