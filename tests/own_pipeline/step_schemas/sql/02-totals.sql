/* 02-totals.sql: counts the big orders into production's totals. */
INSERT INTO etl.order_totals (bucket, orders)
SELECT 'big', COUNT(*) FROM stage.orders WHERE amount > 100;
GO
