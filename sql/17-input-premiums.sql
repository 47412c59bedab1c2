/*
    17-input-premiums.sql
    raw_data.premiums -> [etl].[in_premiums].
*/
SET NOCOUNT ON;

DECLARE @rows INT;

TRUNCATE TABLE [etl].[in_premiums];

INSERT INTO [etl].[in_premiums]
    (source_row_id, policy_number, due_date, amount, paid_flag, loaded_at)
SELECT  pr.source_row_id,
        NULLIF(UPPER(LTRIM(RTRIM(pr.policy_number))), ''),
        pr.due_date,
        NULLIF(LTRIM(RTRIM(pr.amount)), ''),
        UPPER(LTRIM(RTRIM(pr.paid_flag))),
        pr.loaded_at
FROM raw_data.premiums AS pr;

SET @rows = @@ROWCOUNT;
IF @rows = 0
    PRINT 'in_premiums: the premium extract was empty';
ELSE
    PRINT CONCAT('in_premiums: ', @rows, ' rows');
GO
