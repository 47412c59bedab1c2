/*
    38-export-broker-contacts.sql
    Broker e-mail and phone -> [dbo].[BrokerContacts], one row per broker and channel.
*/
SET NOCOUNT ON;
GO

IF OBJECT_ID(N'[dbo].[BrokerContacts]', N'U') IS NULL
BEGIN
    CREATE TABLE [dbo].[BrokerContacts] (
        [BrokerCode]   NVARCHAR(20)   NOT NULL,
        [ContactType]  NVARCHAR(10)   NOT NULL,
        [ContactValue] NVARCHAR(200)  NOT NULL,
        [LoadedAt]     DATETIME2      NOT NULL,
        CONSTRAINT [PK_BrokerContacts] PRIMARY KEY ([BrokerCode], [ContactType])
    );
END
GO

DECLARE @load_ts DATETIME2 = SYSUTCDATETIME();

IF OBJECT_ID('tempdb..#contacts') IS NOT NULL
    DROP TABLE #contacts;

SELECT broker_code, CAST('EMAIL' AS NVARCHAR(10)) AS contact_type, email AS contact_value
INTO #contacts
FROM [etl].[stg_brokers]
WHERE email IS NOT NULL
UNION ALL
SELECT broker_code, 'PHONE', phone
FROM [etl].[stg_brokers]
WHERE phone IS NOT NULL;

INSERT INTO [dbo].[BrokerContacts] ([BrokerCode], [ContactType], [ContactValue], [LoadedAt])
SELECT c.broker_code, c.contact_type, c.contact_value, @load_ts
FROM #contacts AS c
WHERE NOT EXISTS (
    SELECT 1
    FROM [dbo].[BrokerContacts] AS d
    WHERE d.[BrokerCode] = c.broker_code
      AND d.[ContactType] = c.contact_type
);

PRINT CONCAT(N'[dbo].[BrokerContacts]: ', @@ROWCOUNT, N' new contacts');
DROP TABLE #contacts;
GO
