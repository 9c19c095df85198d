CREATE TABLE reports (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL);
INSERT INTO reports (id, name) VALUES (1, 'daily');
