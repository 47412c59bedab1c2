CREATE TRIGGER [dbo].[trg_Brokers_Audit]
ON [dbo].[Brokers]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE([BrokerName]) OR NOT EXISTS (SELECT 1 FROM inserted)
    BEGIN
        INSERT INTO [audit].[BrokerChanges] ([BrokerId], [OldName], [NewName], [ChangedAt])
        SELECT COALESCE(i.[BrokerId], d.[BrokerId]), d.[BrokerName], i.[BrokerName], SYSUTCDATETIME()
        FROM inserted AS i
        FULL OUTER JOIN deleted AS d ON d.[BrokerId] = i.[BrokerId];
    END
END
GO
