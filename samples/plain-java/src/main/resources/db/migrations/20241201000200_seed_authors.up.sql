-- Seed data: a plain SQL migration with a down file that removes it again
INSERT INTO authors (id, name) VALUES (1, 'Ada Lovelace');
INSERT INTO authors (id, name) VALUES (2, 'Grace Hopper');
