/*
    11-stage-meter-periods.sql
    landing.meter_readings -> stage.meter_periods: per meter and month, the first and the
    last reading. A meter whose last reading is below its first (a replaced meter) and a
    reading for a customer nobody knows are rejected.
*/
SET NOCOUNT ON;

DECLARE @staged INT = 0;

BEGIN TRY
    DELETE FROM stage.rejects WHERE source_table = N'meter_readings';
    TRUNCATE TABLE stage.meter_periods;

    WITH readings AS (
        SELECT DISTINCT r.meter_id, r.customer_id, r.reading_date, r.reading_kwh,
               DATEFROMPARTS(YEAR(r.reading_date), MONTH(r.reading_date), 1) AS period_month
        FROM landing.meter_readings AS r
        WHERE r.meter_id IS NOT NULL AND r.reading_date IS NOT NULL
          AND r.reading_kwh IS NOT NULL
    ),
    ordered AS (
        SELECT  readings.*,
                ROW_NUMBER() OVER (PARTITION BY meter_id, period_month
                                   ORDER BY reading_date ASC) AS first_rank,
                ROW_NUMBER() OVER (PARTITION BY meter_id, period_month
                                   ORDER BY reading_date DESC) AS last_rank
        FROM readings
    )
    SELECT  f.meter_id, f.customer_id, f.period_month,
            f.reading_date AS first_read_on, l.reading_date AS last_read_on,
            f.reading_kwh AS first_kwh, l.reading_kwh AS last_kwh,
            CASE
                WHEN c.customer_id IS NULL AND b.CustomerId IS NULL THEN N'UNKNOWN_CUSTOMER'
                WHEN l.reading_kwh < f.reading_kwh THEN N'METER_WENT_BACKWARDS'
            END AS reason
    INTO #periods
    FROM ordered AS f
    JOIN ordered AS l
      ON l.meter_id = f.meter_id AND l.period_month = f.period_month AND l.last_rank = 1
    LEFT JOIN stage.customers AS c ON c.customer_id = f.customer_id
    LEFT JOIN billing.Customers AS b ON b.CustomerId = f.customer_id
    WHERE f.first_rank = 1;

    INSERT INTO stage.rejects (source_table, business_key, reason)
    SELECT N'meter_readings', p.meter_id, p.reason
    FROM #periods AS p
    WHERE p.reason IS NOT NULL;

    INSERT INTO stage.meter_periods
        (meter_id, customer_id, period_month, first_read_on, last_read_on, first_kwh, last_kwh)
    SELECT meter_id, customer_id, period_month, first_read_on, last_read_on, first_kwh, last_kwh
    FROM #periods
    WHERE reason IS NULL;
    SET @staged = @@ROWCOUNT;

    PRINT CONCAT(N'stage.meter_periods: ', @staged, N' meter periods');
END TRY
BEGIN CATCH
    PRINT N'11-stage-meter-periods failed: ' + ERROR_MESSAGE();
    THROW;
END CATCH
GO
