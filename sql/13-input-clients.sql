/*
    13-input-clients.sql
    raw_data.clients -> [etl].[in_clients].
*/
SET NOCOUNT ON;

DECLARE @rows INT;

BEGIN TRY
    TRUNCATE TABLE [etl].[in_clients];

    INSERT INTO [etl].[in_clients]
        (source_row_id, client_code, first_name, last_name, birth_date, gender_code,
         state_code, email, loaded_at)
    SELECT  c.source_row_id,
            NULLIF(UPPER(LTRIM(RTRIM(c.client_code))), ''),
            NULLIF(LTRIM(RTRIM(c.first_name)), ''),
            NULLIF(LTRIM(RTRIM(c.last_name)), ''),
            c.birth_date,
            NULLIF(UPPER(LTRIM(RTRIM(c.gender_code))), ''),
            NULLIF(UPPER(LTRIM(RTRIM(c.state_code))), ''),
            NULLIF(LOWER(LTRIM(RTRIM(c.email))), ''),
            c.loaded_at
    FROM raw_data.clients AS c;

    SET @rows = @@ROWCOUNT;
    PRINT CONCAT('in_clients: ', @rows, ' rows');
END TRY
BEGIN CATCH
    DECLARE @message NVARCHAR(2048) = N'13-input-clients: ' + ERROR_MESSAGE();
    THROW 50013, @message, 1;
END CATCH
GO
