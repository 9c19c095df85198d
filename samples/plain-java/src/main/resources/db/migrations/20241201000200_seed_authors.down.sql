DELETE FROM authors WHERE id IN (1, 2);
