CREATE SCHEMA fleet;
GO
CREATE SCHEMA raw;
GO
CREATE TABLE fleet.Vehicles (
    VehicleId   INT          NOT NULL PRIMARY KEY,
    Plate       NVARCHAR(12) NOT NULL,
    Depot       NVARCHAR(20) NOT NULL,
    OdometerKm  INT          NOT NULL
);
GO
CREATE TABLE fleet.DailyDistance (
    VehicleId  INT   NOT NULL,
    TripDate   DATE  NOT NULL,
    Km         DECIMAL(9, 1) NOT NULL,
    Pings      INT   NOT NULL,
    CONSTRAINT PK_DailyDistance PRIMARY KEY (VehicleId, TripDate)
);
GO
CREATE TABLE fleet.Alerts (
    AlertId    INT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    VehicleId  INT NOT NULL,
    AlertType  NVARCHAR(20) NOT NULL,
    RaisedAt   DATETIME2 NOT NULL
);
GO
CREATE TABLE raw.telemetry (
    vehicle_id INT NOT NULL,
    ping_at    DATETIME2 NOT NULL,
    odometer_km DECIMAL(9,1) NOT NULL,
    speed_kmh  INT NOT NULL
);
GO
