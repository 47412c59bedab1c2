/*
    31-export-invoices.sql
    stage.consumption -> billing.Invoices: one invoice per customer and month, priced
    with the customer's tariff. Additive: a month already invoiced is left alone.
    InvoiceId is the table's IDENTITY.
*/
SET NOCOUNT ON;

BEGIN TRY
    INSERT INTO billing.Invoices (CustomerId, PeriodMonth, Kwh, Amount)
    SELECT  c.customer_id,
            c.period_month,
            c.kwh,
            ROUND(c.kwh * t.PricePerKwh + c.days_billed * t.StandingChargePerDay, 2)
    FROM stage.consumption AS c
    JOIN billing.Customers AS cu ON cu.CustomerId = c.customer_id
    JOIN billing.Tariffs AS t ON t.TariffCode = cu.TariffCode
    WHERE NOT EXISTS (
        SELECT 1 FROM billing.Invoices AS i
        WHERE i.CustomerId = c.customer_id AND i.PeriodMonth = c.period_month
    );

    PRINT CONCAT(N'billing.Invoices: ', @@ROWCOUNT, N' new invoices');
END TRY
BEGIN CATCH
    PRINT N'31-export-invoices failed: ' + ERROR_MESSAGE();
    THROW;
END CATCH
GO
