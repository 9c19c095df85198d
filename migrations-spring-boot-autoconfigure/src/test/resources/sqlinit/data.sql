INSERT INTO users (id, email) VALUES (2, 'grace@example.com');
