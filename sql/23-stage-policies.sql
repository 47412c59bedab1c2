/*
    23-stage-policies.sql
    [etl].[in_policies] -> [etl].[stg_policies].
    A policy must reference a staged broker, client, product and (when it has one)
    group; its status must map, its premium must be a positive amount and its term
    must not end before it starts. Derived: line (from the product), term in months,
    monthly premium, group flag.
*/
SET NOCOUNT ON;

DECLARE @now      DATETIME2 = SYSUTCDATETIME();
DECLARE @rejected INT = 0;
DECLARE @staged   INT = 0;
DECLARE @message  NVARCHAR(2048);

BEGIN TRY
    IF OBJECT_ID('tempdb..#policies') IS NOT NULL
        DROP TABLE #policies;

    SELECT  i.source_row_id,
            i.policy_number,
            i.client_code,
            i.broker_code,
            i.group_code,
            i.product_code,
            pr.line,
            st.target_code AS status,
            i.start_date,
            i.end_date,
            TRY_CAST(i.annual_premium AS DECIMAL(12, 2)) AS annual_premium,
            i.currency_code,
            i.loaded_at,
            CASE
                WHEN i.policy_number IS NULL THEN 'MISSING_KEY'
                WHEN b.broker_code IS NULL THEN 'ORPHAN_BROKER'
                WHEN c.client_code IS NULL THEN 'ORPHAN_CLIENT'
                WHEN pr.product_code IS NULL THEN 'UNKNOWN_PRODUCT'
                WHEN i.group_code IS NOT NULL AND g.group_code IS NULL THEN 'ORPHAN_GROUP'
                WHEN st.target_code IS NULL THEN 'BAD_STATUS'
                WHEN TRY_CAST(i.annual_premium AS DECIMAL(12, 2)) IS NULL
                  OR TRY_CAST(i.annual_premium AS DECIMAL(12, 2)) <= 0 THEN 'BAD_PREMIUM'
                WHEN i.start_date IS NULL OR i.end_date IS NULL
                  OR i.end_date < i.start_date THEN 'BAD_DATES'
            END AS error_code,
            i.status_code AS raw_status,
            i.annual_premium AS raw_premium
    INTO #policies
    FROM [etl].[in_policies] AS i
    LEFT JOIN [etl].[stg_brokers]  AS b  ON b.broker_code = i.broker_code
    LEFT JOIN [etl].[stg_clients]  AS c  ON c.client_code = i.client_code
    LEFT JOIN [etl].[stg_products] AS pr ON pr.product_code = i.product_code
    LEFT JOIN [etl].[stg_groups]   AS g  ON g.group_code = i.group_code
    LEFT JOIN [etl].[map_codes]    AS st ON st.code_set = 'POLICY_STATUS'
                                        AND st.source_code = i.status_code;

    INSERT INTO [etl].[load_errors]
        (source_table, source_row_id, business_key, error_code, error_detail, logged_at)
    SELECT  'policies',
            p.source_row_id,
            p.policy_number,
            p.error_code,
            CASE p.error_code
                WHEN 'ORPHAN_BROKER'   THEN CONCAT('broker ', p.broker_code, ' is not staged')
                WHEN 'ORPHAN_CLIENT'   THEN CONCAT('client ', p.client_code, ' is not staged')
                WHEN 'UNKNOWN_PRODUCT' THEN CONCAT('product ', p.product_code, ' is not staged')
                WHEN 'ORPHAN_GROUP'    THEN CONCAT('group ', p.group_code, ' is not staged')
                WHEN 'BAD_STATUS'      THEN CONCAT('unknown status code ', p.raw_status)
                WHEN 'BAD_PREMIUM'     THEN CONCAT('annual premium ', p.raw_premium)
                WHEN 'BAD_DATES'       THEN 'policy ends before it starts'
                ELSE 'policy number is empty'
            END,
            @now
    FROM #policies AS p
    WHERE p.error_code IS NOT NULL;
    SET @rejected = @@ROWCOUNT;

    TRUNCATE TABLE [etl].[stg_policies];

    WITH ranked AS (
        SELECT  p.*,
                ROW_NUMBER() OVER (PARTITION BY p.policy_number
                                   ORDER BY p.loaded_at DESC, p.source_row_id DESC) AS rn
        FROM #policies AS p
        WHERE p.error_code IS NULL
    )
    INSERT INTO [etl].[stg_policies]
        (policy_number, client_code, broker_code, group_code, product_code, line, status,
         start_date, end_date, term_months, annual_premium, monthly_premium, currency_code,
         is_group_policy, source_row_id, loaded_at)
    SELECT  r.policy_number,
            r.client_code,
            r.broker_code,
            r.group_code,
            r.product_code,
            r.line,
            r.status,
            r.start_date,
            r.end_date,
            DATEDIFF(MONTH, r.start_date, r.end_date),
            r.annual_premium,
            CAST(ROUND(r.annual_premium / 12, 2) AS DECIMAL(12, 2)),
            r.currency_code,
            CASE WHEN r.group_code IS NULL THEN 0 ELSE 1 END,
            r.source_row_id,
            r.loaded_at
    FROM ranked AS r
    WHERE r.rn = 1;
    SET @staged = @@ROWCOUNT;

    PRINT CONCAT('stg_policies: ', @staged, ' staged, ', @rejected, ' rejected');
    DROP TABLE #policies;
END TRY
BEGIN CATCH
    SET @message = CONCAT(N'23-stage-policies failed: ', ERROR_MESSAGE());
    THROW 50023, @message, 1;
END CATCH
GO
