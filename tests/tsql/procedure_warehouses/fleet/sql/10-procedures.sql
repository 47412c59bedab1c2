/* 10-procedures.sql */
CREATE OR ALTER FUNCTION work.fn_km (@from DECIMAL(9, 1), @to DECIMAL(9, 1))
RETURNS DECIMAL(9, 1)
AS
BEGIN
    RETURN CASE WHEN @to >= @from THEN @to - @from ELSE 0 END
END
GO
CREATE OR ALTER PROCEDURE [work].[usp_roll_vehicle]
    @vehicle_id INT,
    @km DECIMAL(9, 1) OUTPUT,
    @pings INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    -- ##ping_window is filled by the caller
    SELECT @km = work.fn_km(MIN(odometer_km), MAX(odometer_km)), @pings = COUNT(*)
    FROM ##ping_window WHERE vehicle_id = @vehicle_id;
    IF @pings = 0 RETURN 1;
    INSERT INTO work.daily (vehicle_id, trip_date, km, pings, max_speed)
    SELECT vehicle_id, CAST(ping_at AS DATE), work.fn_km(MIN(odometer_km), MAX(odometer_km)), COUNT(*), MAX(speed_kmh)
    FROM ##ping_window WHERE vehicle_id = @vehicle_id
    GROUP BY vehicle_id, CAST(ping_at AS DATE);
    RETURN 0;
END
GO
CREATE OR ALTER PROCEDURE work.usp_roll_all
    @rolled INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @vehicle INT, @km DECIMAL(9, 1), @pings INT, @rc INT, @total_km DECIMAL(12, 1) = 0;
    DECLARE @speeding TABLE (vehicle_id INT PRIMARY KEY, top_speed INT NOT NULL);

    IF OBJECT_ID(N'tempdb..##ping_window') IS NOT NULL DROP TABLE ##ping_window;
    SELECT vehicle_id, ping_at, odometer_km, speed_kmh INTO ##ping_window FROM work.pings;

    SET @rolled = 0;
    DECLARE vehicles CURSOR LOCAL STATIC READ_ONLY FOR
        SELECT DISTINCT vehicle_id FROM ##ping_window ORDER BY vehicle_id;
    OPEN vehicles;
    FETCH NEXT FROM vehicles INTO @vehicle;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        BEGIN TRAN;
        BEGIN TRY
            EXEC @rc = work.usp_roll_vehicle @vehicle, @km OUTPUT, @pings OUTPUT;
            IF @rc = 0 SET @rolled += 1;
            SET @total_km += @km;
            COMMIT;
        END TRY
        BEGIN CATCH
            IF @@TRANCOUNT > 0 ROLLBACK;
            THROW;
        END CATCH
        FETCH NEXT FROM vehicles INTO @vehicle;
    END
    CLOSE vehicles; DEALLOCATE vehicles;

    INSERT INTO @speeding (vehicle_id, top_speed)
    SELECT vehicle_id, MAX(speed_kmh) FROM ##ping_window GROUP BY vehicle_id HAVING MAX(speed_kmh) > 110;
    INSERT INTO fleet.Alerts (VehicleId, AlertType, RaisedAt)
    SELECT vehicle_id, N'SPEEDING', SYSUTCDATETIME() FROM @speeding;
    DROP TABLE ##ping_window;
    PRINT CONCAT(N'rolled ', @rolled, N' vehicles, ', @total_km, N' km');
    RETURN 0;
END
GO
