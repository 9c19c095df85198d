CREATE TABLE tags (id INT NOT NULL PRIMARY KEY, note_id INT NOT NULL, name VARCHAR(50),
    FOREIGN KEY (note_id) REFERENCES notes (id));
INSERT INTO tags (id, note_id, name) VALUES (1, 1, 'first');
CREATE VIEW tag_names AS SELECT name FROM tags;
