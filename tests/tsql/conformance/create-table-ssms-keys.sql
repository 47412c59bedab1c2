-- construct: keys as SSMS "Generate Scripts" writes them: [NON]CLUSTERED, WITH (…) and ON [PRIMARY]
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/create-table-transact-sql
DROP TABLE IF EXISTS dbo.customers;
CREATE TABLE [dbo].[customers](
    [customer_id] [int] NOT NULL,
    [code] [varchar](20) NOT NULL,
 CONSTRAINT [PK_customers] PRIMARY KEY CLUSTERED ([customer_id] ASC)
    WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY],
 CONSTRAINT [UQ_customers_code] UNIQUE NONCLUSTERED ([code] ASC) WITH (FILLFACTOR = 90) ON [PRIMARY]
) ON [PRIMARY];
INSERT INTO dbo.customers VALUES (1, 'a'), (2, 'b');
PRINT @@ROWCOUNT;
-- prints: 2
BEGIN TRY
    INSERT INTO dbo.customers VALUES (3, 'b');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 2627
