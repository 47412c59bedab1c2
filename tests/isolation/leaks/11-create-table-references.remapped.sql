CREATE TABLE poc_etl.stg_groups (
    id INT NOT NULL PRIMARY KEY,
    broker_id INT REFERENCES poc_etl.stg_brokers (id)
);
