/* 40-odd.sql: references a regex would miss */
IF 1 = 1 BEGIN PRINT N'start' END UPDATE fleet.Vehicles SET Depot = Depot WHERE 1 = 0
GO
PRINT N'x' DELETE FROM [fleet]./* keep */[Alerts] WHERE 1 = 0
GO
SELECT COUNT(*) AS n FROM "fleet" -- the vehicles
    . "Vehicles";
GO
EXEC sp_addextendedproperty @name = N'Owner', @value = N'fleet team', @level0type = N'SCHEMA', @level0name = N'work', @level1type = N'TABLE', @level1name = N'pings';
GO
DECLARE @n INT = 0;
WHILE @n < 2 BEGIN SET @n += 1 END INSERT INTO work.daily (vehicle_id, trip_date, km, pings, max_speed) VALUES (99, '2024-06-01', @n, 0, 0)
SELECT @n = COUNT(*) FROM [work]."daily" WHERE vehicle_id = 99 PRINT @n
GO
