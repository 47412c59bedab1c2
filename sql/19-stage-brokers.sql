/*
    19-stage-brokers.sql
    [etl].[in_brokers] -> [etl].[stg_brokers].
    Rows with no broker code, an unknown status or an unreadable commission rate go to
    [etl].[load_errors]; of the rest, the latest delivery of each broker code wins.
*/
SET NOCOUNT ON;

DECLARE @now DATETIME2 = SYSUTCDATETIME();
DECLARE @rejected INT = 0;
DECLARE @staged INT = 0;

BEGIN TRY
    IF OBJECT_ID('tempdb..#brokers') IS NOT NULL
        DROP TABLE #brokers;

    SELECT  i.source_row_id,
            i.broker_code,
            i.broker_name,
            m.target_code AS status,
            i.region_code,
            i.email,
            i.phone,
            TRY_CAST(i.commission_rate AS DECIMAL(5, 4)) AS commission_rate,
            i.loaded_at,
            CASE
                WHEN i.broker_code IS NULL THEN 'MISSING_KEY'
                WHEN m.target_code IS NULL THEN 'BAD_STATUS'
                WHEN TRY_CAST(i.commission_rate AS DECIMAL(5, 4)) IS NULL
                  OR TRY_CAST(i.commission_rate AS DECIMAL(5, 4)) NOT BETWEEN 0 AND 1
                    THEN 'BAD_COMMISSION'
            END AS error_code,
            i.status_code AS raw_status,
            i.commission_rate AS raw_commission
    INTO #brokers
    FROM [etl].[in_brokers] AS i
    LEFT JOIN [etl].[map_codes] AS m
           ON m.code_set = 'BROKER_STATUS'
          AND m.source_code = i.status_code;

    INSERT INTO [etl].[load_errors]
        (source_table, source_row_id, business_key, error_code, error_detail, logged_at)
    SELECT  'brokers',
            b.source_row_id,
            b.broker_code,
            b.error_code,
            CASE b.error_code
                WHEN 'BAD_STATUS' THEN CONCAT('unknown status code ', b.raw_status)
                WHEN 'BAD_COMMISSION' THEN CONCAT('commission rate ', b.raw_commission)
                ELSE 'broker code is empty'
            END,
            @now
    FROM #brokers AS b
    WHERE b.error_code IS NOT NULL;
    SET @rejected = @@ROWCOUNT;

    TRUNCATE TABLE [etl].[stg_brokers];

    WITH ranked AS (
        SELECT  b.*,
                ROW_NUMBER() OVER (PARTITION BY b.broker_code
                                   ORDER BY b.loaded_at DESC, b.source_row_id DESC) AS rn
        FROM #brokers AS b
        WHERE b.error_code IS NULL
    )
    INSERT INTO [etl].[stg_brokers]
        (broker_code, broker_name, status, region_code, email, phone, commission_rate,
         is_active, source_row_id, loaded_at)
    SELECT  broker_code,
            broker_name,
            status,
            region_code,
            email,
            phone,
            commission_rate,
            CASE WHEN status = 'ACTIVE' THEN 1 ELSE 0 END,
            source_row_id,
            loaded_at
    FROM ranked
    WHERE rn = 1;
    SET @staged = @@ROWCOUNT;

    PRINT CONCAT('stg_brokers: ', @staged, ' staged, ', @rejected, ' rejected');

    DROP TABLE #brokers;
END TRY
BEGIN CATCH
    PRINT CONCAT('19-stage-brokers failed at line ', ERROR_LINE(), ': ', ERROR_MESSAGE());
    THROW;
END CATCH
GO
