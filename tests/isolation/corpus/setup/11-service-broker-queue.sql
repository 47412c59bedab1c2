-- The load is triggered through Service Broker: a queue and a service in the default schema.
CREATE QUEUE LoadRequestQueue WITH STATUS = ON, RETENTION = OFF;
GO
CREATE QUEUE etl.LoadReplyQueue;
GO
CREATE SERVICE [//warehouse/LoadService] ON QUEUE LoadRequestQueue ([DEFAULT]);
CREATE SERVICE [//warehouse/LoadReply] ON QUEUE etl.LoadReplyQueue;
GO
ALTER QUEUE LoadRequestQueue WITH ACTIVATION (
    STATUS = ON,
    PROCEDURE_NAME = etl.usp_ProcessQueue,
    MAX_QUEUE_READERS = 1,
    EXECUTE AS OWNER);
GO
DROP SERVICE [//warehouse/LoadService];
DROP QUEUE LoadRequestQueue;
DROP QUEUE etl.LoadReplyQueue;
GO
