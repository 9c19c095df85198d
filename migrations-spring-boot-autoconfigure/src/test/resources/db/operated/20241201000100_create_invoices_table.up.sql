CREATE TABLE invoices (
    id BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL
);
