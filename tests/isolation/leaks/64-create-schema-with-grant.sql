CREATE SCHEMA etl
    CREATE TABLE stg_orders (id INT NOT NULL)
    GRANT SELECT ON stg_orders TO reporting
    CREATE VIEW recent_orders AS SELECT TOP 10 id FROM stg_orders ORDER BY id DESC
GO
