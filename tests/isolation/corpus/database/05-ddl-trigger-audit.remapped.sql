CREATE TRIGGER [trg_ddl_audit]
ON DATABASE
FOR CREATE_TABLE, ALTER_TABLE, DROP_TABLE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @e XML = EVENTDATA();
    INSERT INTO [sbx_audit].[DdlEvents] ([EventType], [ObjectName], [Command], [EventTime])
    VALUES (@e.value('(/EVENT_INSTANCE/EventType)[1]', 'nvarchar(100)'),
            @e.value('(/EVENT_INSTANCE/ObjectName)[1]', 'nvarchar(256)'),
            @e.value('(/EVENT_INSTANCE/TSQLCommand/CommandText)[1]', 'nvarchar(max)'),
            SYSUTCDATETIME());
END;
GO
DISABLE TRIGGER [trg_ddl_audit] ON DATABASE;
GO
