CREATE INDEX notes_title ON notes (title);
