CREATE TABLE notes (id INT PRIMARY KEY, written_for VARCHAR(20));
INSERT INTO notes (id, written_for) VALUES (1, 'h2');
