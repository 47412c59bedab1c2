CREATE TABLE [audit].[LoadLog] (
    [LoadLogId]   INT            IDENTITY (1, 1) NOT NULL,
    [RunId]       UNIQUEIDENTIFIER NOT NULL,
    [StepName]    NVARCHAR (128) NOT NULL,
    [Status]      VARCHAR (10)   NOT NULL,
    [RowsAffected] INT           NULL,
    [Message]     NVARCHAR (4000) NULL,
    [LoggedAt]    DATETIME2 (3)  CONSTRAINT [DF_LoadLog_LoggedAt] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_LoadLog] PRIMARY KEY CLUSTERED ([LoadLogId] ASC),
    CONSTRAINT [CK_LoadLog_Status] CHECK ([Status] IN ('started', 'ok', 'failed'))
);
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'One row per step of a load run.', @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'LoadLog';
GO
