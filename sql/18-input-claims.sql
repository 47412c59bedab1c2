/*
    18-input-claims.sql
    raw_data.claims -> [etl].[in_claims].
*/
SET NOCOUNT ON;

DECLARE @rows INT;

BEGIN TRY
    TRUNCATE TABLE [etl].[in_claims];

    INSERT INTO [etl].[in_claims]
        (source_row_id, claim_number, policy_number, loss_date, reported_date, claim_amount,
         status_code, loaded_at)
    SELECT  c.source_row_id,
            NULLIF(UPPER(LTRIM(RTRIM(c.claim_number))), ''),
            NULLIF(UPPER(LTRIM(RTRIM(c.policy_number))), ''),
            c.loss_date,
            c.reported_date,
            NULLIF(LTRIM(RTRIM(c.claim_amount)), ''),
            NULLIF(UPPER(LTRIM(RTRIM(c.status_code))), ''),
            c.loaded_at
    FROM raw_data.claims AS c;

    SET @rows = @@ROWCOUNT;
    PRINT CONCAT('in_claims: ', @rows, ' rows');
END TRY
BEGIN CATCH
    DECLARE @message NVARCHAR(2048) = N'18-input-claims: ' + ERROR_MESSAGE();
    THROW 50018, @message, 1;
END CATCH
GO
