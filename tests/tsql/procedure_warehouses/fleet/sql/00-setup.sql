/* 00-setup.sql: work schema of the nightly telemetry roll-up */
SET NOCOUNT ON;
IF SCHEMA_ID(N'work') IS NULL BEGIN EXEC(N'CREATE SCHEMA work') END PRINT N'work schema ready'
GO
DROP VIEW IF EXISTS "work"."v_daily";
DROP TABLE IF EXISTS [work].[pings], [work].[daily];
GO
CREATE TABLE [work].[pings] (
    vehicle_id  INT NOT NULL,
    ping_at     DATETIME2 NOT NULL,
    odometer_km DECIMAL(9, 1) NOT NULL,
    speed_kmh   INT NOT NULL,
    CONSTRAINT PK_pings PRIMARY KEY (vehicle_id, ping_at)
);
CREATE TABLE "work"."daily" (
    vehicle_id INT NOT NULL,
    trip_date  DATE NOT NULL,
    km         DECIMAL(9, 1) NOT NULL,
    pings      INT NOT NULL,
    max_speed  INT NOT NULL,
    CONSTRAINT PK_daily PRIMARY KEY (vehicle_id, trip_date)
);
GO
CREATE OR ALTER VIEW work.v_daily
AS
SELECT d.vehicle_id, v.Plate, d.trip_date, d.km
FROM work /* roll-up */ . daily AS d
JOIN fleet -- production vehicles
    .Vehicles AS v ON v.VehicleId = d.vehicle_id;
GO
EXEC sp_addextendedproperty N'MS_Description', N'Daily km per vehicle', N'SCHEMA', N'work', N'VIEW', N'v_daily';
GO
