CREATE TABLE follows (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL
);
