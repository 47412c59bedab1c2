/*
    03-staging-tables.sql
    Staging tables (validated, de-duplicated, mapped), the code map and the reject log.
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID('[etl].[map_codes]', 'U') IS NULL
    CREATE TABLE [etl].[map_codes] (
        code_set    NVARCHAR(30)   NOT NULL,
        source_code NVARCHAR(20)   NOT NULL,
        target_code NVARCHAR(20)   NOT NULL,
        description NVARCHAR(100)  NULL,
        CONSTRAINT PK_map_codes PRIMARY KEY (code_set, source_code)
    );
GO

IF OBJECT_ID('[etl].[load_errors]', 'U') IS NULL
    CREATE TABLE [etl].[load_errors] (
        error_id      INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
        source_table  NVARCHAR(128)  NOT NULL,
        source_row_id BIGINT         NULL,
        business_key  NVARCHAR(100)  NULL,
        error_code    NVARCHAR(50)   NOT NULL,
        error_detail  NVARCHAR(400)  NULL,
        logged_at     DATETIME2      NOT NULL
    );
GO

IF OBJECT_ID('[etl].[stg_brokers]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[stg_brokers] (
        broker_code     NVARCHAR(20)   NOT NULL,
        broker_name     NVARCHAR(200)  NOT NULL,
        status          NVARCHAR(20)   NOT NULL,
        region_code     NVARCHAR(10)   NULL,
        email           NVARCHAR(200)  NULL,
        phone           NVARCHAR(40)   NULL,
        commission_rate DECIMAL(5, 4)  NOT NULL,
        is_active       BIT            NOT NULL,
        source_row_id   BIGINT         NOT NULL,
        loaded_at       DATETIME2      NOT NULL,
        CONSTRAINT PK_stg_brokers PRIMARY KEY (broker_code)
    );
END
GO

IF OBJECT_ID('[etl].[stg_products]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[stg_products] (
        product_code  NVARCHAR(20)   NOT NULL,
        product_name  NVARCHAR(200)  NOT NULL,
        line          NVARCHAR(20)   NOT NULL,
        base_rate     DECIMAL(9, 4)  NOT NULL,
        is_active     BIT            NOT NULL,
        source_row_id BIGINT         NOT NULL,
        loaded_at     DATETIME2      NOT NULL,
        CONSTRAINT PK_stg_products PRIMARY KEY (product_code)
    );
END
GO

IF OBJECT_ID('[etl].[stg_clients]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[stg_clients] (
        client_code   NVARCHAR(20)   NOT NULL,
        first_name    NVARCHAR(100)  NULL,
        last_name     NVARCHAR(100)  NULL,
        full_name     NVARCHAR(201)  NULL,
        birth_date    DATE           NULL,
        gender        NVARCHAR(10)   NOT NULL,
        state_code    NVARCHAR(10)   NULL,
        email         NVARCHAR(200)  NULL,
        source_row_id BIGINT         NOT NULL,
        loaded_at     DATETIME2      NOT NULL,
        CONSTRAINT PK_stg_clients PRIMARY KEY (client_code)
    );
END
GO

IF OBJECT_ID('[etl].[stg_groups]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[stg_groups] (
        group_code     NVARCHAR(20)   NOT NULL,
        group_name     NVARCHAR(200)  NULL,
        broker_code    NVARCHAR(20)   NOT NULL,
        industry       NVARCHAR(50)   NOT NULL,
        employee_count INT            NULL,
        size_band      NVARCHAR(10)   NOT NULL,
        effective_date DATE           NULL,
        source_row_id  BIGINT         NOT NULL,
        loaded_at      DATETIME2      NOT NULL,
        CONSTRAINT PK_stg_groups PRIMARY KEY (group_code)
    );
END
GO

IF OBJECT_ID('[etl].[stg_policies]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[stg_policies] (
        policy_number   NVARCHAR(30)    NOT NULL,
        client_code     NVARCHAR(20)    NOT NULL,
        broker_code     NVARCHAR(20)    NOT NULL,
        group_code      NVARCHAR(20)    NULL,
        product_code    NVARCHAR(20)    NOT NULL,
        line            NVARCHAR(20)    NOT NULL,
        status          NVARCHAR(20)    NOT NULL,
        start_date      DATE            NOT NULL,
        end_date        DATE            NOT NULL,
        term_months     INT             NOT NULL,
        annual_premium  DECIMAL(12, 2)  NOT NULL,
        monthly_premium DECIMAL(12, 2)  NOT NULL,
        currency_code   NVARCHAR(5)     NOT NULL,
        is_group_policy BIT             NOT NULL,
        source_row_id   BIGINT          NOT NULL,
        loaded_at       DATETIME2       NOT NULL,
        CONSTRAINT PK_stg_policies PRIMARY KEY (policy_number)
    );
END
GO

IF OBJECT_ID('[etl].[stg_proposals]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[stg_proposals] (
        proposal_number NVARCHAR(30)    NOT NULL,
        broker_code     NVARCHAR(20)    NOT NULL,
        client_code     NVARCHAR(20)    NOT NULL,
        group_code      NVARCHAR(20)    NULL,
        product_code    NVARCHAR(20)    NOT NULL,
        status          NVARCHAR(20)    NOT NULL,
        submitted_date  DATE            NULL,
        quoted_premium  DECIMAL(12, 2)  NOT NULL,
        source_row_id   BIGINT          NOT NULL,
        loaded_at       DATETIME2       NOT NULL,
        CONSTRAINT PK_stg_proposals PRIMARY KEY (proposal_number)
    );
END
GO

IF OBJECT_ID('[etl].[stg_premiums]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[stg_premiums] (
        policy_number NVARCHAR(30)    NOT NULL,
        due_date      DATE            NOT NULL,
        amount        DECIMAL(12, 2)  NOT NULL,
        is_paid       BIT             NOT NULL,
        source_row_id BIGINT          NOT NULL,
        loaded_at     DATETIME2       NOT NULL,
        CONSTRAINT PK_stg_premiums PRIMARY KEY (policy_number, due_date)
    );
END
GO

IF OBJECT_ID('[etl].[stg_claims]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[stg_claims] (
        claim_number    NVARCHAR(30)    NOT NULL,
        policy_number   NVARCHAR(30)    NOT NULL,
        loss_date       DATE            NULL,
        reported_date   DATE            NULL,
        report_lag_days INT             NULL,
        claim_amount    DECIMAL(12, 2)  NOT NULL,
        status          NVARCHAR(20)    NOT NULL,
        source_row_id   BIGINT          NOT NULL,
        loaded_at       DATETIME2       NOT NULL,
        CONSTRAINT PK_stg_claims PRIMARY KEY (claim_number)
    );
END
GO

IF OBJECT_ID('[etl].[stg_broker_book]', 'U') IS NULL
BEGIN
    CREATE TABLE [etl].[stg_broker_book] (
        broker_code          NVARCHAR(20)    NOT NULL,
        policy_count         INT             NOT NULL,
        active_policy_count  INT             NOT NULL,
        group_count          INT             NOT NULL,
        total_annual_premium DECIMAL(14, 2)  NOT NULL,
        proposal_count       INT             NOT NULL,
        claim_count          INT             NOT NULL,
        CONSTRAINT PK_stg_broker_book PRIMARY KEY (broker_code)
    );
END
GO

PRINT 'Staging tables ready';
GO
