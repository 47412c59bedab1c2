DECLARE @log TABLE (action NVARCHAR(10), code VARCHAR(10));
MERGE dbo.Products AS t
USING stage.Products AS s ON t.ProductCode = s.ProductCode
WHEN MATCHED THEN UPDATE SET t.ProductName = s.ProductName, t.BaseRate = s.BaseRate
WHEN NOT MATCHED THEN INSERT (ProductCode, ProductName, LineOfBusiness, BaseRate, LoadingFactor)
     VALUES (s.ProductCode, s.ProductName, s.LineOfBusiness, s.BaseRate, 0)
OUTPUT $action, inserted.ProductCode INTO @log (action, code);
INSERT INTO audit.ProductChanges (Action, ProductCode) SELECT action, code FROM @log;
