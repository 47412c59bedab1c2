/*
    01-stage-tables.sql
    Staging tables, kept between runs and emptied by the step that fills each one.
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'stage.customers', N'U') IS NULL
    CREATE TABLE stage.customers (
        customer_id  NVARCHAR(10)   NOT NULL,
        full_name    NVARCHAR(100)  NOT NULL,
        email        NVARCHAR(200)  NULL,
        tariff_code  NVARCHAR(10)   NOT NULL,
        region       NVARCHAR(20)   NULL,
        CONSTRAINT PK_stage_customers PRIMARY KEY (customer_id)
    );
GO

IF OBJECT_ID(N'stage.meter_periods', N'U') IS NULL
    CREATE TABLE stage.meter_periods (
        meter_id      NVARCHAR(12)   NOT NULL,
        customer_id   NVARCHAR(10)   NOT NULL,
        period_month  DATE           NOT NULL,
        first_read_on DATE           NOT NULL,
        last_read_on  DATE           NOT NULL,
        first_kwh     DECIMAL(12, 3) NOT NULL,
        last_kwh      DECIMAL(12, 3) NOT NULL,
        CONSTRAINT PK_stage_meter_periods PRIMARY KEY (meter_id, period_month)
    );
GO

IF OBJECT_ID(N'stage.consumption', N'U') IS NULL
    CREATE TABLE stage.consumption (
        customer_id  NVARCHAR(10)   NOT NULL,
        period_month DATE           NOT NULL,
        kwh          DECIMAL(12, 3) NOT NULL,
        days_billed  INT            NOT NULL,
        CONSTRAINT PK_stage_consumption PRIMARY KEY (customer_id, period_month)
    );
GO

IF OBJECT_ID(N'stage.rejects', N'U') IS NULL
    CREATE TABLE stage.rejects (
        reject_id    INT IDENTITY(1, 1) NOT NULL,
        source_table NVARCHAR(30)   NOT NULL,
        business_key NVARCHAR(40)   NULL,
        reason       NVARCHAR(40)   NOT NULL,
        logged_at    DATETIME2      NOT NULL DEFAULT (SYSUTCDATETIME()),
        CONSTRAINT PK_stage_rejects PRIMARY KEY (reject_id)
    );
GO
