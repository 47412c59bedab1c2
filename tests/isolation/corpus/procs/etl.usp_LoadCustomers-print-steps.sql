CREATE PROCEDURE etl.usp_LoadCustomers AS
BEGIN
    SET NOCOUNT ON
    PRINT 'step 1: dedupe'
    ;WITH ranked AS (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY CustomerCode ORDER BY LoadedAt DESC) AS rn
        FROM stage.Customers
    )
    DELETE FROM ranked WHERE rn > 1
    PRINT 'step 2: update'
    UPDATE c SET c.FullName = s.FullName, c.Email = s.Email
    FROM dbo.Customers c INNER JOIN stage.Customers s ON s.CustomerCode = c.CustomerCode
    PRINT 'step 3: insert'
    INSERT dbo.Customers (CustomerCode, FullName, Email)
    SELECT s.CustomerCode, s.FullName, s.Email FROM stage.Customers s
    WHERE NOT EXISTS (SELECT 1 FROM dbo.Customers c WHERE c.CustomerCode = s.CustomerCode)
    PRINT 'done'
END
GO
