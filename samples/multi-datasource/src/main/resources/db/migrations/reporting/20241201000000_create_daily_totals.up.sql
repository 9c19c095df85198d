CREATE TABLE daily_totals (
    sales_day DATE PRIMARY KEY,
    total DECIMAL(12, 2) NOT NULL
);
