/*
    24-stage-proposals.sql
    [etl].[in_proposals] -> [etl].[stg_proposals].
*/
SET NOCOUNT ON;

DECLARE @now DATETIME2 = SYSUTCDATETIME();
DECLARE @rejected INT = 0;
DECLARE @staged INT = 0;

BEGIN TRY
    DROP TABLE IF EXISTS #proposals;

    SELECT  i.source_row_id,
            i.proposal_number,
            i.broker_code,
            i.client_code,
            i.group_code,
            i.product_code,
            st.target_code AS status,
            i.submitted_date,
            TRY_CAST(i.quoted_premium AS DECIMAL(12, 2)) AS quoted_premium,
            i.loaded_at,
            CASE
                WHEN i.proposal_number IS NULL THEN 'MISSING_KEY'
                WHEN b.broker_code IS NULL THEN 'ORPHAN_BROKER'
                WHEN c.client_code IS NULL THEN 'ORPHAN_CLIENT'
                WHEN p.product_code IS NULL THEN 'UNKNOWN_PRODUCT'
                WHEN i.group_code IS NOT NULL AND g.group_code IS NULL THEN 'ORPHAN_GROUP'
                WHEN st.target_code IS NULL THEN 'BAD_STATUS'
                WHEN TRY_CAST(i.quoted_premium AS DECIMAL(12, 2)) IS NULL
                  OR TRY_CAST(i.quoted_premium AS DECIMAL(12, 2)) <= 0 THEN 'BAD_PREMIUM'
            END AS error_code
    INTO #proposals
    FROM [etl].[in_proposals] AS i
    LEFT JOIN [etl].[stg_brokers]  AS b ON b.broker_code = i.broker_code
    LEFT JOIN [etl].[stg_clients]  AS c ON c.client_code = i.client_code
    LEFT JOIN [etl].[stg_products] AS p ON p.product_code = i.product_code
    LEFT JOIN [etl].[stg_groups]   AS g ON g.group_code = i.group_code
    LEFT JOIN [etl].[map_codes]    AS st
           ON st.code_set = 'PROPOSAL_STATUS'
          AND st.source_code = i.status_code;

    INSERT INTO [etl].[load_errors]
        (source_table, source_row_id, business_key, error_code, error_detail, logged_at)
    SELECT 'proposals', source_row_id, proposal_number, error_code, NULL, @now
    FROM #proposals
    WHERE error_code IS NOT NULL;
    SET @rejected = @@ROWCOUNT;

    TRUNCATE TABLE [etl].[stg_proposals];

    WITH ranked AS (
        SELECT  p.*,
                ROW_NUMBER() OVER (PARTITION BY p.proposal_number
                                   ORDER BY p.loaded_at DESC, p.source_row_id DESC) AS rn
        FROM #proposals AS p
        WHERE p.error_code IS NULL
    )
    INSERT INTO [etl].[stg_proposals]
        (proposal_number, broker_code, client_code, group_code, product_code, status,
         submitted_date, quoted_premium, source_row_id, loaded_at)
    SELECT  proposal_number, broker_code, client_code, group_code, product_code, status,
            submitted_date, quoted_premium, source_row_id, loaded_at
    FROM ranked
    WHERE rn = 1;
    SET @staged = @@ROWCOUNT;

    PRINT CONCAT('stg_proposals: ', @staged, ' staged, ', @rejected, ' rejected');
END TRY
BEGIN CATCH
    PRINT '24-stage-proposals failed';
    THROW;
END CATCH
GO
