/*
    25-stage-premiums.sql
    [etl].[in_premiums] -> [etl].[stg_premiums]: one instalment per policy and due date.
*/
SET NOCOUNT ON;

DECLARE @now DATETIME2 = SYSUTCDATETIME();
DECLARE @staged INT;

IF OBJECT_ID('tempdb..#premiums') IS NOT NULL
    DROP TABLE #premiums;

SELECT  i.source_row_id,
        i.policy_number,
        i.due_date,
        TRY_CAST(i.amount AS DECIMAL(12, 2)) AS amount,
        CASE WHEN i.paid_flag IN ('Y', 'YES', '1', 'TRUE') THEN 1 ELSE 0 END AS is_paid,
        i.loaded_at,
        CASE
            WHEN i.policy_number IS NULL OR i.due_date IS NULL THEN 'MISSING_KEY'
            WHEN p.policy_number IS NULL THEN 'ORPHAN_POLICY'
            WHEN TRY_CAST(i.amount AS DECIMAL(12, 2)) IS NULL
              OR TRY_CAST(i.amount AS DECIMAL(12, 2)) <= 0 THEN 'BAD_AMOUNT'
        END AS error_code
INTO #premiums
FROM [etl].[in_premiums] AS i
LEFT JOIN [etl].[stg_policies] AS p
       ON p.policy_number = i.policy_number;

INSERT INTO [etl].[load_errors]
    (source_table, source_row_id, business_key, error_code, error_detail, logged_at)
SELECT  'premiums',
        source_row_id,
        CONCAT(policy_number, '/', CONVERT(CHAR(10), due_date, 23)),
        error_code,
        NULL,
        @now
FROM #premiums
WHERE error_code IS NOT NULL;

TRUNCATE TABLE [etl].[stg_premiums];

INSERT INTO [etl].[stg_premiums]
    (policy_number, due_date, amount, is_paid, source_row_id, loaded_at)
SELECT  policy_number, due_date, amount, is_paid, source_row_id, loaded_at
FROM (
    SELECT  x.*,
            ROW_NUMBER() OVER (PARTITION BY x.policy_number, x.due_date
                               ORDER BY x.loaded_at DESC, x.source_row_id DESC) AS rn
    FROM #premiums AS x
    WHERE x.error_code IS NULL
) AS latest
WHERE rn = 1;

SET @staged = @@ROWCOUNT;
PRINT CONCAT('stg_premiums: ', @staged, ' staged');

DROP TABLE #premiums;
GO
