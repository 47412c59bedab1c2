/* The product dimension: new codes get the next keys, known ones their new names. */
MERGE dw.DimProduct AS target
USING (
    SELECT c.product_code, c.product_name,
           m.max_key + ROW_NUMBER() OVER (ORDER BY c.product_code) AS new_key
    FROM (
        SELECT product_code, MAX(product_name) AS product_name
        FROM raw.sales
        GROUP BY product_code
    ) AS c
    CROSS JOIN (SELECT ISNULL(MAX(ProductKey), 0) AS max_key FROM dw.DimProduct) AS m
) AS source
ON target.Code = source.product_code
WHEN MATCHED AND target.Name <> source.product_name THEN
    UPDATE SET Name = source.product_name
WHEN NOT MATCHED THEN
    INSERT (ProductKey, Code, Name)
    VALUES (source.new_key, source.product_code, source.product_name);
PRINT CONCAT('dimension rows changed: ', @@ROWCOUNT);
