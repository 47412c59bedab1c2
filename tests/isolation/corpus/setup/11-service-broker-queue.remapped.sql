-- The load is triggered through Service Broker: a queue and a service in the default schema.
CREATE QUEUE sbx_dbo.LoadRequestQueue WITH STATUS = ON, RETENTION = OFF;
GO
CREATE QUEUE sbx_etl.LoadReplyQueue;
GO
CREATE SERVICE [//warehouse/LoadService] ON QUEUE sbx_dbo.LoadRequestQueue ([DEFAULT]);
CREATE SERVICE [//warehouse/LoadReply] ON QUEUE sbx_etl.LoadReplyQueue;
GO
ALTER QUEUE sbx_dbo.LoadRequestQueue WITH ACTIVATION (
    STATUS = ON,
    PROCEDURE_NAME = sbx_etl.usp_ProcessQueue,
    MAX_QUEUE_READERS = 1,
    EXECUTE AS OWNER);
GO
DROP SERVICE [//warehouse/LoadService];
DROP QUEUE sbx_dbo.LoadRequestQueue;
DROP QUEUE sbx_etl.LoadReplyQueue;
GO
