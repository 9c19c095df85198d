-- PostgreSQL: SERIAL ids, indexes declared apart from the tables, a telephone number
-- checked to hold digits only.
CREATE TABLE types (
    id SERIAL PRIMARY KEY,
    name VARCHAR(80) NOT NULL UNIQUE
);

CREATE TABLE owners (
    id SERIAL PRIMARY KEY,
    first_name VARCHAR(30) NOT NULL,
    last_name VARCHAR(30) NOT NULL,
    address VARCHAR(255) NOT NULL,
    city VARCHAR(80) NOT NULL,
    telephone VARCHAR(20) NOT NULL CHECK (telephone ~ '^[0-9]+$')
);
CREATE INDEX owners_last_name ON owners (last_name);

CREATE TABLE pets (
    id SERIAL PRIMARY KEY,
    name VARCHAR(30) NOT NULL,
    birth_date DATE,
    type_id INTEGER NOT NULL REFERENCES types (id),
    owner_id INTEGER NOT NULL REFERENCES owners (id)
);
CREATE INDEX pets_name ON pets (name);

CREATE TABLE visits (
    id SERIAL PRIMARY KEY,
    pet_id INTEGER NOT NULL REFERENCES pets (id),
    visit_date DATE NOT NULL,
    description VARCHAR(255) NOT NULL
);
CREATE INDEX visits_pet_id ON visits (pet_id);
