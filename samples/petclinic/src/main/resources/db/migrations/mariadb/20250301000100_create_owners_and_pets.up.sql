-- MariaDB: AUTO_INCREMENT ids, InnoDB tables (for the foreign keys) in utf8mb4, indexes
-- declared inside the tables.
CREATE TABLE types (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(80) NOT NULL UNIQUE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE owners (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    first_name VARCHAR(30) NOT NULL,
    last_name VARCHAR(30) NOT NULL,
    address VARCHAR(255) NOT NULL,
    city VARCHAR(80) NOT NULL,
    telephone VARCHAR(20) NOT NULL,
    INDEX owners_last_name (last_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE pets (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(30) NOT NULL,
    birth_date DATE,
    type_id INT NOT NULL,
    owner_id INT NOT NULL,
    INDEX pets_name (name),
    FOREIGN KEY (type_id) REFERENCES types (id),
    FOREIGN KEY (owner_id) REFERENCES owners (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE visits (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    pet_id INT NOT NULL,
    visit_date DATE NOT NULL,
    description VARCHAR(255) NOT NULL,
    FOREIGN KEY (pet_id) REFERENCES pets (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
