/*
    02-input-tables.sql
    Input tables: one per raw extract, same columns, holding the trimmed and
    upper-cased copy of the extract that the staging transforms validate.
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID('[etl].[in_brokers]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[in_brokers] (
        source_row_id   BIGINT         NOT NULL,
        broker_code     NVARCHAR(20)   NULL,
        broker_name     NVARCHAR(200)  NULL,
        status_code     NVARCHAR(10)   NULL,
        region_code     NVARCHAR(10)   NULL,
        email           NVARCHAR(200)  NULL,
        phone           NVARCHAR(40)   NULL,
        commission_rate NVARCHAR(20)   NULL,
        loaded_at       DATETIME2      NOT NULL
    );
END
GO

IF OBJECT_ID('[etl].[in_products]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[in_products] (
        source_row_id   BIGINT         NOT NULL,
        product_code    NVARCHAR(20)   NULL,
        product_name    NVARCHAR(200)  NULL,
        line_code       NVARCHAR(10)   NULL,
        base_rate       NVARCHAR(20)   NULL,
        active_flag     NVARCHAR(5)    NULL,
        loaded_at       DATETIME2      NOT NULL
    );
END
GO

IF OBJECT_ID('[etl].[in_clients]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[in_clients] (
        source_row_id   BIGINT         NOT NULL,
        client_code     NVARCHAR(20)   NULL,
        first_name      NVARCHAR(100)  NULL,
        last_name       NVARCHAR(100)  NULL,
        birth_date      DATE           NULL,
        gender_code     NVARCHAR(10)   NULL,
        state_code      NVARCHAR(10)   NULL,
        email           NVARCHAR(200)  NULL,
        loaded_at       DATETIME2      NOT NULL
    );
END
GO

IF OBJECT_ID('[etl].[in_groups]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[in_groups] (
        source_row_id   BIGINT         NOT NULL,
        group_code      NVARCHAR(20)   NULL,
        group_name      NVARCHAR(200)  NULL,
        broker_code     NVARCHAR(20)   NULL,
        industry_code   NVARCHAR(10)   NULL,
        employee_count  INT            NULL,
        effective_date  DATE           NULL,
        loaded_at       DATETIME2      NOT NULL
    );
END
GO

IF OBJECT_ID('[etl].[in_policies]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[in_policies] (
        source_row_id   BIGINT         NOT NULL,
        policy_number   NVARCHAR(30)   NULL,
        client_code     NVARCHAR(20)   NULL,
        broker_code     NVARCHAR(20)   NULL,
        group_code      NVARCHAR(20)   NULL,
        product_code    NVARCHAR(20)   NULL,
        status_code     NVARCHAR(10)   NULL,
        start_date      DATE           NULL,
        end_date        DATE           NULL,
        annual_premium  NVARCHAR(30)   NULL,
        currency_code   NVARCHAR(5)    NULL,
        loaded_at       DATETIME2      NOT NULL
    );
END
GO

IF OBJECT_ID('[etl].[in_proposals]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[in_proposals] (
        source_row_id   BIGINT         NOT NULL,
        proposal_number NVARCHAR(30)   NULL,
        broker_code     NVARCHAR(20)   NULL,
        client_code     NVARCHAR(20)   NULL,
        group_code      NVARCHAR(20)   NULL,
        product_code    NVARCHAR(20)   NULL,
        status_code     NVARCHAR(10)   NULL,
        submitted_date  DATE           NULL,
        quoted_premium  NVARCHAR(30)   NULL,
        loaded_at       DATETIME2      NOT NULL
    );
END
GO

IF OBJECT_ID('[etl].[in_premiums]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[in_premiums] (
        source_row_id   BIGINT         NOT NULL,
        policy_number   NVARCHAR(30)   NULL,
        due_date        DATE           NULL,
        amount          NVARCHAR(30)   NULL,
        paid_flag       NVARCHAR(5)    NULL,
        loaded_at       DATETIME2      NOT NULL
    );
END
GO

IF OBJECT_ID('[etl].[in_claims]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[in_claims] (
        source_row_id   BIGINT         NOT NULL,
        claim_number    NVARCHAR(30)   NULL,
        policy_number   NVARCHAR(30)   NULL,
        loss_date       DATE           NULL,
        reported_date   DATE           NULL,
        claim_amount    NVARCHAR(30)   NULL,
        status_code     NVARCHAR(10)   NULL,
        loaded_at       DATETIME2      NOT NULL
    );
END
GO

PRINT 'Input tables ready';
GO
