SELECT id, name INTO broker_copy FROM raw_data.brokers;
CREATE TABLE work_list (id INT NOT NULL);
INSERT work_list (id) SELECT id FROM broker_copy;
UPDATE Brokers SET name = UPPER(name) WHERE id = 1;
TRUNCATE TABLE policies;
