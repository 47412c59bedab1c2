/*
    21-stage-clients.sql
    [etl].[in_clients] -> [etl].[stg_clients]: map gender codes, build the full name.
*/
SET NOCOUNT ON;

DECLARE @now DATETIME2 = SYSUTCDATETIME();
DECLARE @rejected INT, @staged INT;

BEGIN TRY
    IF OBJECT_ID('tempdb..#clients') IS NOT NULL
        DROP TABLE #clients;

    SELECT  i.source_row_id,
            i.client_code,
            i.first_name,
            i.last_name,
            i.birth_date,
            g.target_code AS gender,
            i.state_code,
            i.email,
            i.loaded_at,
            CASE
                WHEN i.client_code IS NULL THEN 'MISSING_KEY'
                WHEN g.target_code IS NULL THEN 'BAD_GENDER'
            END AS error_code
    INTO #clients
    FROM [etl].[in_clients] AS i
    LEFT JOIN [etl].[map_codes] AS g
           ON g.code_set = 'GENDER'
          AND g.source_code = i.gender_code;

    INSERT INTO [etl].[load_errors]
        (source_table, source_row_id, business_key, error_code, error_detail, logged_at)
    SELECT 'clients', c.source_row_id, c.client_code, c.error_code, NULL, @now
    FROM #clients AS c
    WHERE c.error_code IS NOT NULL;
    SET @rejected = @@ROWCOUNT;

    TRUNCATE TABLE [etl].[stg_clients];

    ;WITH ranked AS (
        SELECT  c.*,
                ROW_NUMBER() OVER (PARTITION BY c.client_code
                                   ORDER BY c.loaded_at DESC, c.source_row_id DESC) AS rn
        FROM #clients AS c
        WHERE c.error_code IS NULL
    )
    INSERT INTO [etl].[stg_clients]
        (client_code, first_name, last_name, full_name, birth_date, gender, state_code, email,
         source_row_id, loaded_at)
    SELECT  client_code,
            first_name,
            last_name,
            LTRIM(RTRIM(CONCAT(first_name, ' ', last_name))),
            birth_date,
            gender,
            state_code,
            email,
            source_row_id,
            loaded_at
    FROM ranked
    WHERE rn = 1;
    SET @staged = @@ROWCOUNT;

    PRINT CONCAT('stg_clients: ', @staged, ' staged, ', @rejected, ' rejected');
END TRY
BEGIN CATCH
    THROW;
END CATCH
GO
