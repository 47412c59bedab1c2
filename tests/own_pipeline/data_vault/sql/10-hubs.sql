/* Hubs: one row per business key not yet loaded. */
INSERT INTO dv.HubCustomer (CustomerHashKey, CustomerCode, LoadDate, RecordSource)
SELECT DISTINCT CONVERT(CHAR(32), HASHBYTES('MD5', CAST(UPPER(o.customer_code) AS NVARCHAR(100))), 2), o.customer_code,
       SYSUTCDATETIME(), N'crm feed'
FROM raw.orders AS o
WHERE NOT EXISTS (
    SELECT 1 FROM dv.HubCustomer AS h
    WHERE h.CustomerHashKey = CONVERT(CHAR(32), HASHBYTES('MD5', CAST(UPPER(o.customer_code) AS NVARCHAR(100))), 2)
);

MERGE dv.HubProduct AS target
USING (SELECT DISTINCT product_code FROM raw.orders) AS source
ON target.ProductCode = source.product_code
WHEN NOT MATCHED THEN
    INSERT (ProductHashKey, ProductCode, LoadDate, RecordSource)
    VALUES (CONVERT(CHAR(32), HASHBYTES('MD5', CAST(UPPER(source.product_code) AS NVARCHAR(100))), 2),
            source.product_code, SYSUTCDATETIME(), N'crm feed');
GO
