-- A script already written against the sandbox schemas: nothing to change, nothing to report.
IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'poc_etl')
    EXEC('CREATE SCHEMA poc_etl');
GO
CREATE TABLE poc_etl.stg_brokers (id INT NOT NULL, name NVARCHAR(100) NULL);
GO
DECLARE @n INT = 0;
WHILE @n < 3
BEGIN
    SET @n = @n + 1;
END
INSERT INTO poc_etl.stg_brokers (id, name)
SELECT b.id, b.name
FROM poc_raw_data.brokers AS b
WHERE NOT EXISTS (SELECT 1 FROM poc_dbo.Brokers AS p WHERE p.id = b.id);
SELECT CASE WHEN COUNT(*) > 0 THEN 'rows' ELSE 'none' END FROM poc_etl.stg_brokers;
GO
