CREATE TABLE etl.stg_groups (
    id INT NOT NULL PRIMARY KEY,
    broker_id INT REFERENCES etl.stg_brokers (id)
);
