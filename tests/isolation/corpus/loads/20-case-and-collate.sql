UPDATE Stage.Customers
SET FullName = UPPER(LEFT(FullName, 1)) + LOWER(SUBSTRING(FullName, 2, 200)) COLLATE Latin1_General_CI_AS,
    Email = CASE WHEN Email LIKE '%@%' THEN Email ELSE NULL END
WHERE CustomerCode IN (SELECT CustomerCode FROM DBO.Customers);
