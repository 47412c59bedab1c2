/*
    22-stage-groups.sql
    [etl].[in_groups] -> [etl].[stg_groups]. A group must belong to a staged broker;
    the industry code is mapped and the size band derived from the head count.
*/
SET NOCOUNT ON;

DECLARE @now DATETIME2 = SYSUTCDATETIME();
DECLARE @rejected INT = 0;
DECLARE @staged INT = 0;

BEGIN TRY
    DROP TABLE IF EXISTS #groups;

    SELECT  i.source_row_id,
            i.group_code,
            i.group_name,
            i.broker_code,
            ind.target_code AS industry,
            i.employee_count,
            CASE
                WHEN i.employee_count IS NULL THEN 'UNKNOWN'
                WHEN i.employee_count < 50 THEN 'SMALL'
                WHEN i.employee_count < 500 THEN 'MEDIUM'
                ELSE 'LARGE'
            END AS size_band,
            i.effective_date,
            i.loaded_at,
            CASE
                WHEN i.group_code IS NULL THEN 'MISSING_KEY'
                WHEN b.broker_code IS NULL THEN 'ORPHAN_BROKER'
                WHEN ind.target_code IS NULL THEN 'BAD_INDUSTRY'
            END AS error_code
    INTO #groups
    FROM [etl].[in_groups] AS i
    LEFT JOIN [etl].[stg_brokers] AS b
           ON b.broker_code = i.broker_code
    LEFT JOIN [etl].[map_codes] AS ind
           ON ind.code_set = 'INDUSTRY'
          AND ind.source_code = i.industry_code;

    INSERT INTO [etl].[load_errors]
        (source_table, source_row_id, business_key, error_code, error_detail, logged_at)
    SELECT  'groups',
            g.source_row_id,
            g.group_code,
            g.error_code,
            CASE WHEN g.error_code = 'ORPHAN_BROKER'
                 THEN CONCAT('broker ', g.broker_code, ' is not staged') END,
            @now
    FROM #groups AS g
    WHERE g.error_code IS NOT NULL;
    SET @rejected = @@ROWCOUNT;

    TRUNCATE TABLE [etl].[stg_groups];

    WITH ranked AS (
        SELECT  g.*,
                ROW_NUMBER() OVER (PARTITION BY g.group_code
                                   ORDER BY g.loaded_at DESC, g.source_row_id DESC) AS rn
        FROM #groups AS g
        WHERE g.error_code IS NULL
    )
    INSERT INTO [etl].[stg_groups]
        (group_code, group_name, broker_code, industry, employee_count, size_band,
         effective_date, source_row_id, loaded_at)
    SELECT  group_code, group_name, broker_code, industry, employee_count, size_band,
            effective_date, source_row_id, loaded_at
    FROM ranked
    WHERE rn = 1;
    SET @staged = @@ROWCOUNT;

    IF @staged = 0
    BEGIN
        DECLARE @message NVARCHAR(400) = CONCAT(N'no groups staged; ', @rejected, N' rejected');
        THROW 50022, @message, 1;
    END

    PRINT CONCAT('stg_groups: ', @staged, ' staged, ', @rejected, ' rejected');
END TRY
BEGIN CATCH
    PRINT N'22-stage-groups failed: ' + ERROR_MESSAGE();
    THROW;
END CATCH
GO
