/*
    11-input-brokers.sql
    raw_data.brokers -> [etl].[in_brokers]: trim everything, upper-case the codes,
    lower-case e-mail addresses, turn blank strings into NULLs.
*/
SET NOCOUNT ON;

DECLARE @rows INT = 0;

TRUNCATE TABLE [etl].[in_brokers];

INSERT INTO [etl].[in_brokers]
    (source_row_id, broker_code, broker_name, status_code, region_code, email, phone,
     commission_rate, loaded_at)
SELECT  b.source_row_id,
        NULLIF(UPPER(LTRIM(RTRIM(b.broker_code))), ''),
        NULLIF(LTRIM(RTRIM(b.broker_name)), ''),
        NULLIF(UPPER(LTRIM(RTRIM(b.status_code))), ''),
        NULLIF(UPPER(LTRIM(RTRIM(b.region_code))), ''),
        NULLIF(LOWER(LTRIM(RTRIM(b.email))), ''),
        NULLIF(LTRIM(RTRIM(b.phone)), ''),
        NULLIF(LTRIM(RTRIM(b.commission_rate)), ''),
        b.loaded_at
FROM raw_data.brokers AS b;

SET @rows = @@ROWCOUNT;
PRINT CONCAT('in_brokers: ', @rows, ' rows');
GO
