-- construct: DELETE through a CTE (DELETE FROM cte, DELETE cte WHERE), as de-duplication writes it
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/delete-transact-sql
-- The table is named in mixed case, as SQL Server code names tables: an engine that keeps
-- the case of quoted names must delete from the table the CTE reads.
DROP TABLE IF EXISTS dbo.ConfDupes;
CREATE TABLE dbo.ConfDupes (CustomerId INT, LoadedAt INT, Email NVARCHAR(40));
INSERT INTO dbo.ConfDupes VALUES (1, 1, N'a@x'), (1, 2, N'a@y'), (1, 3, N'a@z'), (2, 1, N'b@x'), (2, 2, N'b@y'), (3, 1, N'c@x');
WITH ranked AS (
    SELECT CustomerId, ROW_NUMBER() OVER (PARTITION BY CustomerId ORDER BY LoadedAt DESC) AS rn
    FROM dbo.ConfDupes
)
DELETE FROM ranked WHERE rn > 2;
PRINT @@ROWCOUNT;
-- prints: 1
WITH Ranked AS (
    SELECT d.CustomerId, ROW_NUMBER() OVER (PARTITION BY d.CustomerId ORDER BY d.LoadedAt DESC) AS rn
    FROM [dbo].[ConfDupes] AS d
)
DELETE Ranked WHERE Ranked.rn > 1;
PRINT @@ROWCOUNT;
-- prints: 2
PRINT (SELECT STRING_AGG(Email, N',') WITHIN GROUP (ORDER BY CustomerId) FROM dbo.ConfDupes);
-- prints: a@z,b@y,c@x
DROP TABLE dbo.ConfDupes;
