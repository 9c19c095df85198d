-- migrations: no-transaction
INSERT INTO accounts (id, name) VALUES (1, 'owner');
