/* 00-stage.sql: the working schema and its table. */
IF SCHEMA_ID(N'work') IS NULL EXEC(N'CREATE SCHEMA work');
GO
IF OBJECT_ID(N'work.receipts', N'U') IS NULL
    CREATE TABLE work.receipts (
        sku       NVARCHAR(20) NOT NULL,
        quantity  INT          NOT NULL,
        CONSTRAINT PK_work_receipts PRIMARY KEY (sku)
    );
GO
