INSERT INTO users (id, email) VALUES (1, 'ada@example.com');
INSERT INTO no_such_table (id, token) VALUES (1, 'refused-endpoint-s3cret');
