/* 00-schema-setup.sql: working schema of the nightly returns load */
SET NOCOUNT ON;
GO
IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'stage')
    EXEC(N'CREATE SCHEMA [stage] AUTHORIZATION [dbo]');
GO
DROP TABLE IF EXISTS [stage].[return_lines];
GO
CREATE TABLE [stage].[return_lines] (
    request_ref   NVARCHAR(20)   NOT NULL PRIMARY KEY,
    order_id      INT            NOT NULL,
    store_code    NVARCHAR(10)   NULL,
    qty           INT            NOT NULL,
    refund_amount DECIMAL(10, 2) NULL,
    reason        NVARCHAR(40)   NULL,
    status        NVARCHAR(12)   NOT NULL DEFAULT N'NEW'
);
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'One row per return request, copied from landing.return_requests',
    @level0type = N'SCHEMA', @level0name = N'stage', @level1type = N'TABLE', @level1name = N'return_lines';
GO
DROP TABLE IF EXISTS stage.load_log;
CREATE TABLE stage.load_log (log_id INT IDENTITY(1,1) PRIMARY KEY, step NVARCHAR(40) NOT NULL, detail NVARCHAR(200) NULL, rc INT NULL);
GO
