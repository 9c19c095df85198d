DROP VIEW tag_names;
DROP TABLE tags;
