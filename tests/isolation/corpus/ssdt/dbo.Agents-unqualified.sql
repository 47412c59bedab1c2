-- Older project: objects created in the caller's default schema.
CREATE TABLE Agents (
    AgentId    INT          NOT NULL PRIMARY KEY,
    BrokerId   INT          NOT NULL REFERENCES Brokers (BrokerId),
    AgentName  NVARCHAR(200) NOT NULL
)
GO
CREATE INDEX IX_Agents_BrokerId ON Agents (BrokerId)
GO
EXEC sp_addextendedproperty N'MS_Description', N'Agents working for a broker.', N'SCHEMA', N'dbo', N'TABLE', N'Agents'
GO
