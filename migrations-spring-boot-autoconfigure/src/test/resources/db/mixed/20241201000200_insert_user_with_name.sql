INSERT INTO users (id, email, name) VALUES (1, 'ada@example.com', 'Ada');
