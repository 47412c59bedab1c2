-- Loads dbo.Brokers from stage.Brokers; see etl.usp_LoadBrokers.
/* DROP SCHEMA [stage]; -- never again */
INSERT INTO audit.LoadLog (RunId, StepName, Status, Message)
VALUES (NEWID(), N'brokers', 'ok', N'loaded from stage: ' + CAST(@@ROWCOUNT AS NVARCHAR(10)));
