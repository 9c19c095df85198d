-- A data migration: the notes a new installation starts with.
INSERT INTO notebooks (name) VALUES ('Getting started');

INSERT INTO notes (notebook_id, title, body, pinned)
SELECT id, 'Welcome', 'These notes were inserted by a data migration.', TRUE
FROM notebooks WHERE name = 'Getting started';

INSERT INTO notes (notebook_id, title, body, pinned)
SELECT id, 'See what ran', 'Open /actuator/migrations.', FALSE
FROM notebooks WHERE name = 'Getting started';
