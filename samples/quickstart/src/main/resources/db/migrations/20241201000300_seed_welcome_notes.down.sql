DELETE FROM notes WHERE notebook_id IN (SELECT id FROM notebooks WHERE name = 'Getting started');
DELETE FROM notebooks WHERE name = 'Getting started';
