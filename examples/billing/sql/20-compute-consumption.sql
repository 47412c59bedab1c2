/*
    20-compute-consumption.sql
    stage.meter_periods -> stage.consumption: kWh used and days covered per customer
    and month, over all of the customer's meters.
*/
SET NOCOUNT ON;

TRUNCATE TABLE stage.consumption;

INSERT INTO stage.consumption (customer_id, period_month, kwh, days_billed)
SELECT  p.customer_id,
        p.period_month,
        SUM(p.last_kwh - p.first_kwh),
        MAX(DATEDIFF(DAY, p.first_read_on, p.last_read_on)) + 1
FROM stage.meter_periods AS p
GROUP BY p.customer_id, p.period_month;

PRINT CONCAT(N'stage.consumption: ', @@ROWCOUNT, N' customer months');
GO
