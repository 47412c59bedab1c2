SELECT id, name INTO poc_dbo.broker_copy FROM poc_raw_data.brokers;
CREATE TABLE poc_dbo.work_list (id INT NOT NULL);
INSERT poc_dbo.work_list (id) SELECT id FROM poc_dbo.broker_copy;
UPDATE poc_dbo.Brokers SET name = UPPER(name) WHERE id = 1;
TRUNCATE TABLE poc_dbo.policies;
