/*
    10-stage-customers.sql
    landing.customers -> stage.customers: trimmed, tariff codes upper-cased, the latest
    extract row per customer. Rows without an id or with an unknown tariff are rejected.
*/
SET NOCOUNT ON;

DECLARE @staged INT = 0;
DECLARE @rejected INT = 0;

BEGIN TRY
    DELETE FROM stage.rejects WHERE source_table = N'customers';
    TRUNCATE TABLE stage.customers;

    SELECT  NULLIF(LTRIM(RTRIM(l.customer_id)), N'') AS customer_id,
            LTRIM(RTRIM(l.full_name))                AS full_name,
            NULLIF(LTRIM(RTRIM(l.email)), N'')       AS email,
            UPPER(LTRIM(RTRIM(l.tariff_code)))       AS tariff_code,
            UPPER(l.region)                          AS region,
            l.extracted_at,
            CASE
                WHEN NULLIF(LTRIM(RTRIM(l.customer_id)), N'') IS NULL THEN N'MISSING_ID'
                WHEN t.TariffCode IS NULL THEN N'UNKNOWN_TARIFF'
            END AS reason
    INTO #incoming
    FROM landing.customers AS l
    LEFT JOIN billing.Tariffs AS t
           ON t.TariffCode = UPPER(LTRIM(RTRIM(l.tariff_code)));

    INSERT INTO stage.rejects (source_table, business_key, reason)
    SELECT N'customers', i.customer_id, i.reason
    FROM #incoming AS i
    WHERE i.reason IS NOT NULL;
    SET @rejected = @@ROWCOUNT;

    WITH latest AS (
        SELECT  i.*,
                ROW_NUMBER() OVER (PARTITION BY i.customer_id
                                   ORDER BY i.extracted_at DESC) AS rn
        FROM #incoming AS i
        WHERE i.reason IS NULL
    )
    INSERT INTO stage.customers (customer_id, full_name, email, tariff_code, region)
    SELECT customer_id, full_name, email, tariff_code, region
    FROM latest
    WHERE rn = 1;
    SET @staged = @@ROWCOUNT;

    PRINT CONCAT(N'stage.customers: ', @staged, N' staged, ', @rejected, N' rejected');
END TRY
BEGIN CATCH
    PRINT N'10-stage-customers failed: ' + ERROR_MESSAGE();
    THROW;
END CATCH
GO
