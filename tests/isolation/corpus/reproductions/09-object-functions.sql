IF OBJECTPROPERTY(OBJECT_ID(N'dbo.Brokers'), 'IsUserTable') = 1
    AND COL_LENGTH('dbo.Brokers', 'broker_name') IS NULL
    ALTER TABLE dbo.Brokers ADD broker_name NVARCHAR(200) NULL;
SELECT name FROM sys.objects WHERE OBJECT_SCHEMA_NAME(object_id) = 'dbo';
