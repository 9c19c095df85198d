DROP TABLE visits;
DROP TABLE pets;
DROP TABLE owners;
DROP TABLE types;
