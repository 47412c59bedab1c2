/*
    15-input-policies.sql
    raw_data.policies -> [etl].[in_policies]. The largest extract: one set-based insert.
*/
SET NOCOUNT ON;

DECLARE @rows INT = 0;
DECLARE @started DATETIME2 = SYSUTCDATETIME();

BEGIN TRY
    TRUNCATE TABLE [etl].[in_policies];

    INSERT INTO [etl].[in_policies]
        (source_row_id, policy_number, client_code, broker_code, group_code, product_code,
         status_code, start_date, end_date, annual_premium, currency_code, loaded_at)
    SELECT  p.source_row_id,
            NULLIF(UPPER(LTRIM(RTRIM(p.policy_number))), ''),
            NULLIF(UPPER(LTRIM(RTRIM(p.client_code))), ''),
            NULLIF(UPPER(LTRIM(RTRIM(p.broker_code))), ''),
            NULLIF(UPPER(LTRIM(RTRIM(p.group_code))), ''),
            NULLIF(UPPER(LTRIM(RTRIM(p.product_code))), ''),
            NULLIF(UPPER(LTRIM(RTRIM(p.status_code))), ''),
            p.start_date,
            p.end_date,
            NULLIF(LTRIM(RTRIM(p.annual_premium)), ''),
            ISNULL(NULLIF(UPPER(LTRIM(RTRIM(p.currency_code))), ''), 'USD'),
            p.loaded_at
    FROM raw_data.policies AS p;

    SET @rows = @@ROWCOUNT;
    PRINT CONCAT('in_policies: ', @rows, ' rows in ',
                 DATEDIFF(MILLISECOND, @started, SYSUTCDATETIME()), ' ms');
END TRY
BEGIN CATCH
    PRINT '15-input-policies failed';
    THROW;
END CATCH
GO
