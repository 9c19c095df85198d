ALTER TABLE items ADD COLUMN price INT DEFAULT ${default_price} NOT NULL;
