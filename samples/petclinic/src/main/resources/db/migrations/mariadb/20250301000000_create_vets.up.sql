-- MariaDB: AUTO_INCREMENT ids, InnoDB tables (for the foreign keys) in utf8mb4, indexes
-- declared inside the tables.
CREATE TABLE vets (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    first_name VARCHAR(30) NOT NULL,
    last_name VARCHAR(30) NOT NULL,
    INDEX vets_last_name (last_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE specialties (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(80) NOT NULL UNIQUE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE vet_specialties (
    vet_id INT NOT NULL,
    specialty_id INT NOT NULL,
    PRIMARY KEY (vet_id, specialty_id),
    FOREIGN KEY (vet_id) REFERENCES vets (id),
    FOREIGN KEY (specialty_id) REFERENCES specialties (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
