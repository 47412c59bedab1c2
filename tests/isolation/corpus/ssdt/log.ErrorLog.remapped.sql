CREATE TABLE [sbx_log].[ErrorLog]
(
    ErrorLogId      INT IDENTITY NOT NULL CONSTRAINT PK_ErrorLog PRIMARY KEY,
    ProcedureName   sysname NULL,
    ErrorNumber     INT NULL,
    ErrorSeverity   INT NULL,
    ErrorState      INT NULL,
    ErrorLine       INT NULL,
    ErrorMessage    NVARCHAR(4000) NULL,
    LoggedBy        sysname NOT NULL CONSTRAINT DF_ErrorLog_LoggedBy DEFAULT (SUSER_SNAME()),
    LoggedAt        DATETIME NOT NULL CONSTRAINT DF_ErrorLog_LoggedAt DEFAULT (GETDATE())
)
GO
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Errors caught by the load procedures.',
    @level0type = N'SCHEMA', @level0name = N'sbx_log', @level1type = N'TABLE', @level1name = N'ErrorLog'
GO
