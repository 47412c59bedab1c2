-- Older project: objects created in the caller's default schema.
CREATE TABLE sbx_dbo.Agents (
    AgentId    INT          NOT NULL PRIMARY KEY,
    BrokerId   INT          NOT NULL REFERENCES sbx_dbo.Brokers (BrokerId),
    AgentName  NVARCHAR(200) NOT NULL
)
GO
CREATE INDEX IX_Agents_BrokerId ON sbx_dbo.Agents (BrokerId)
GO
EXEC sp_addextendedproperty N'MS_Description', N'Agents working for a broker.', N'SCHEMA', N'sbx_dbo', N'TABLE', N'Agents'
GO
