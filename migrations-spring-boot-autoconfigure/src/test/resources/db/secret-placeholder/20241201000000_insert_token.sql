CREATE TABLE tokens (v VARCHAR(50));
INSERT INTO tokens (v) VALUES ('${api_token}');
