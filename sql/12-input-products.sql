/*
    12-input-products.sql
    raw_data.products -> [etl].[in_products].
*/
SET NOCOUNT ON;

TRUNCATE TABLE [etl].[in_products];

INSERT INTO [etl].[in_products]
    (source_row_id, product_code, product_name, line_code, base_rate, active_flag, loaded_at)
SELECT  source_row_id,
        NULLIF(UPPER(TRIM(product_code)), ''),
        NULLIF(TRIM(product_name), ''),
        NULLIF(UPPER(TRIM(line_code)), ''),
        NULLIF(TRIM(base_rate), ''),
        UPPER(TRIM(active_flag)),
        loaded_at
FROM raw_data.products;

PRINT CONCAT('in_products: ', @@ROWCOUNT, ' rows');
GO
