IF OBJECTPROPERTY(OBJECT_ID(N'sbx_dbo.Brokers'), 'IsUserTable') = 1
    AND COL_LENGTH('sbx_dbo.Brokers', 'broker_name') IS NULL
    ALTER TABLE sbx_dbo.Brokers ADD broker_name NVARCHAR(200) NULL;
SELECT name FROM sys.objects WHERE OBJECT_SCHEMA_NAME(object_id) = 'sbx_dbo';
