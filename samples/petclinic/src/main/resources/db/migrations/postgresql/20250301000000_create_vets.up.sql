-- PostgreSQL: SERIAL ids, indexes declared apart from the tables.
CREATE TABLE vets (
    id SERIAL PRIMARY KEY,
    first_name VARCHAR(30) NOT NULL,
    last_name VARCHAR(30) NOT NULL
);
CREATE INDEX vets_last_name ON vets (last_name);

CREATE TABLE specialties (
    id SERIAL PRIMARY KEY,
    name VARCHAR(80) NOT NULL UNIQUE
);

CREATE TABLE vet_specialties (
    vet_id INTEGER NOT NULL REFERENCES vets (id),
    specialty_id INTEGER NOT NULL REFERENCES specialties (id),
    PRIMARY KEY (vet_id, specialty_id)
);
