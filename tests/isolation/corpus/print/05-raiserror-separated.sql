RAISERROR('1/3 customers', 0, 1) WITH NOWAIT
MERGE dbo.Customers AS t USING stage.Customers AS s ON t.CustomerCode = s.CustomerCode
WHEN MATCHED THEN UPDATE SET t.FullName = s.FullName
WHEN NOT MATCHED THEN INSERT (CustomerCode, FullName) VALUES (s.CustomerCode, s.FullName);
RAISERROR('2/3 addresses', 0, 1) WITH NOWAIT
DELETE a FROM dbo.Addresses a WHERE NOT EXISTS (SELECT 1 FROM dbo.Customers c WHERE c.CustomerId = a.CustomerId)
RAISERROR('3/3 done', 0, 1) WITH NOWAIT
