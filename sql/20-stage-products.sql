/*
    20-stage-products.sql
    [etl].[in_products] -> [etl].[stg_products]: map the product line, read the base rate.
*/
SET NOCOUNT ON;

DECLARE @now DATETIME2 = SYSUTCDATETIME();
DECLARE @staged INT;

DROP TABLE IF EXISTS #products;

SELECT  i.source_row_id,
        i.product_code,
        i.product_name,
        l.target_code AS line,
        TRY_CAST(i.base_rate AS DECIMAL(9, 4)) AS base_rate,
        CASE WHEN i.active_flag IN ('Y', 'YES', '1', 'TRUE') THEN 1 ELSE 0 END AS is_active,
        i.loaded_at,
        CASE
            WHEN i.product_code IS NULL THEN 'MISSING_KEY'
            WHEN l.target_code IS NULL THEN 'BAD_LINE'
            WHEN TRY_CAST(i.base_rate AS DECIMAL(9, 4)) IS NULL
              OR TRY_CAST(i.base_rate AS DECIMAL(9, 4)) <= 0 THEN 'BAD_RATE'
        END AS error_code
INTO #products
FROM [etl].[in_products] AS i
LEFT JOIN [etl].[map_codes] AS l
       ON l.code_set = 'PRODUCT_LINE'
      AND l.source_code = i.line_code;

INSERT INTO [etl].[load_errors]
    (source_table, source_row_id, business_key, error_code, error_detail, logged_at)
SELECT 'products', source_row_id, product_code, error_code, NULL, @now
FROM #products
WHERE error_code IS NOT NULL;

TRUNCATE TABLE [etl].[stg_products];

INSERT INTO [etl].[stg_products]
    (product_code, product_name, line, base_rate, is_active, source_row_id, loaded_at)
SELECT  product_code, product_name, line, base_rate, is_active, source_row_id, loaded_at
FROM (
    SELECT  p.*,
            ROW_NUMBER() OVER (PARTITION BY p.product_code
                               ORDER BY p.loaded_at DESC, p.source_row_id DESC) AS rn
    FROM #products AS p
    WHERE p.error_code IS NULL
) AS latest
WHERE latest.rn = 1;

SET @staged = @@ROWCOUNT;
PRINT CONCAT('stg_products: ', @staged, ' staged');
GO
