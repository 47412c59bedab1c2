CREATE SCHEMA poc_etl AUTHORIZATION dbo
    CREATE TABLE stg_orders (id INT NOT NULL PRIMARY KEY, broker_id INT)
    CREATE VIEW big_orders AS
        SELECT o.id, b.name FROM stg_orders AS o JOIN poc_raw_data.brokers AS b ON b.id = o.broker_id;
CREATE TABLE poc_dbo.work_list (id INT NOT NULL);
GO
INSERT INTO poc_etl.stg_orders (id, broker_id) SELECT id + 100, id FROM poc_raw_data.brokers;
INSERT INTO poc_dbo.work_list (id) SELECT id FROM poc_etl.big_orders;
GO
