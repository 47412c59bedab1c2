CREATE PROCEDURE sbx_etl.usp_LoadCustomers AS
BEGIN
    SET NOCOUNT ON
    PRINT 'step 1: dedupe'
    ;WITH ranked AS (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY CustomerCode ORDER BY LoadedAt DESC) AS rn
        FROM sbx_stage.Customers
    )
    DELETE FROM ranked WHERE rn > 1
    PRINT 'step 2: update'
    UPDATE c SET c.FullName = s.FullName, c.Email = s.Email
    FROM sbx_dbo.Customers c INNER JOIN sbx_stage.Customers s ON s.CustomerCode = c.CustomerCode
    PRINT 'step 3: insert'
    INSERT sbx_dbo.Customers (CustomerCode, FullName, Email)
    SELECT s.CustomerCode, s.FullName, s.Email FROM sbx_stage.Customers s
    WHERE NOT EXISTS (SELECT 1 FROM sbx_dbo.Customers c WHERE c.CustomerCode = s.CustomerCode)
    PRINT 'done'
END
GO
