/*
    26-stage-claims.sql
    [etl].[in_claims] -> [etl].[stg_claims]: claims on staged policies only, with the
    reporting lag in days.
*/
SET NOCOUNT ON;

DECLARE @now DATETIME2 = SYSUTCDATETIME();
DECLARE @rejected INT = 0;
DECLARE @staged INT = 0;

BEGIN TRY
    DROP TABLE IF EXISTS #claims;

    SELECT  i.source_row_id,
            i.claim_number,
            i.policy_number,
            i.loss_date,
            i.reported_date,
            DATEDIFF(DAY, i.loss_date, i.reported_date) AS report_lag_days,
            TRY_CAST(i.claim_amount AS DECIMAL(12, 2)) AS claim_amount,
            s.target_code AS status,
            i.loaded_at,
            CASE
                WHEN i.claim_number IS NULL THEN 'MISSING_KEY'
                WHEN p.policy_number IS NULL THEN 'ORPHAN_POLICY'
                WHEN TRY_CAST(i.claim_amount AS DECIMAL(12, 2)) IS NULL
                  OR TRY_CAST(i.claim_amount AS DECIMAL(12, 2)) <= 0 THEN 'BAD_AMOUNT'
                WHEN s.target_code IS NULL THEN 'BAD_STATUS'
            END AS error_code
    INTO #claims
    FROM [etl].[in_claims] AS i
    LEFT JOIN [etl].[stg_policies] AS p
           ON p.policy_number = i.policy_number
    LEFT JOIN [etl].[map_codes] AS s
           ON s.code_set = 'CLAIM_STATUS'
          AND s.source_code = i.status_code;

    INSERT INTO [etl].[load_errors]
        (source_table, source_row_id, business_key, error_code, error_detail, logged_at)
    SELECT 'claims', source_row_id, claim_number, error_code, NULL, @now
    FROM #claims
    WHERE error_code IS NOT NULL;
    SET @rejected = @@ROWCOUNT;

    TRUNCATE TABLE [etl].[stg_claims];

    WITH ranked AS (
        SELECT  c.*,
                ROW_NUMBER() OVER (PARTITION BY c.claim_number
                                   ORDER BY c.loaded_at DESC, c.source_row_id DESC) AS rn
        FROM #claims AS c
        WHERE c.error_code IS NULL
    )
    INSERT INTO [etl].[stg_claims]
        (claim_number, policy_number, loss_date, reported_date, report_lag_days, claim_amount,
         status, source_row_id, loaded_at)
    SELECT  claim_number, policy_number, loss_date, reported_date, report_lag_days,
            claim_amount, status, source_row_id, loaded_at
    FROM ranked
    WHERE rn = 1;
    SET @staged = @@ROWCOUNT;

    PRINT CONCAT('stg_claims: ', @staged, ' staged, ', @rejected, ' rejected');
END TRY
BEGIN CATCH
    THROW;
END CATCH
GO
