-- MERGE whose last clause deletes: OUTPUT (and WHEN) after THEN DELETE are clauses, not tables.
DECLARE @actions TABLE (Act NVARCHAR(10));
WITH cleaned AS (
    SELECT ProductCode, LTRIM(RTRIM(ProductName)) AS ProductName FROM sbx_stage.Products
)
MERGE sbx_dbo.Products AS t
USING cleaned AS s ON t.ProductCode = s.ProductCode
WHEN MATCHED THEN UPDATE SET ProductName = s.ProductName
WHEN NOT MATCHED BY SOURCE THEN DELETE
OUTPUT $action INTO @actions;

MERGE sbx_dbo.Products AS t
USING sbx_stage.Products AS s ON t.ProductCode = s.ProductCode
WHEN NOT MATCHED BY SOURCE AND t.BaseRate = 0 THEN DELETE
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET BaseRate = 0
OUTPUT deleted.ProductCode INTO sbx_audit.ProductChanges (ProductCode);
