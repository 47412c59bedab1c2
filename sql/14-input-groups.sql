/*
    14-input-groups.sql
    raw_data.groups -> [etl].[in_groups].
*/
SET NOCOUNT ON;

DECLARE @rows INT = 0;

TRUNCATE TABLE [etl].[in_groups];

INSERT INTO [etl].[in_groups]
    (source_row_id, group_code, group_name, broker_code, industry_code, employee_count,
     effective_date, loaded_at)
SELECT  g.source_row_id,
        NULLIF(UPPER(LTRIM(RTRIM(g.group_code))), ''),
        NULLIF(LTRIM(RTRIM(g.group_name)), ''),
        NULLIF(UPPER(LTRIM(RTRIM(g.broker_code))), ''),
        NULLIF(UPPER(LTRIM(RTRIM(g.industry_code))), ''),
        g.employee_count,
        g.effective_date,
        g.loaded_at
FROM raw_data.groups AS g;

SET @rows = @@ROWCOUNT;
PRINT CONCAT('in_groups: ', @rows, ' rows');
GO
