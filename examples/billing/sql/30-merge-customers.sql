/*
    30-merge-customers.sql
    stage.customers -> billing.Customers. Existing customers whose details changed are
    updated (UpdatedAt moves), new customers are added; nobody is deleted.
*/
SET NOCOUNT ON;

DECLARE @now DATETIME2 = SYSUTCDATETIME();

BEGIN TRY
    MERGE billing.Customers AS tgt
    USING stage.customers AS src
       ON tgt.CustomerId = src.customer_id
    WHEN MATCHED AND (   tgt.FullName <> src.full_name
                      OR ISNULL(tgt.Email, N'') <> ISNULL(src.email, N'')
                      OR tgt.TariffCode <> src.tariff_code
                      OR ISNULL(tgt.Region, N'') <> ISNULL(src.region, N''))
        THEN UPDATE SET FullName = src.full_name,
                        Email = src.email,
                        TariffCode = src.tariff_code,
                        Region = src.region,
                        UpdatedAt = @now
    WHEN NOT MATCHED BY TARGET
        THEN INSERT (CustomerId, FullName, Email, TariffCode, Region, UpdatedAt)
             VALUES (src.customer_id, src.full_name, src.email, src.tariff_code, src.region,
                     @now);

    PRINT CONCAT(N'billing.Customers: ', @@ROWCOUNT, N' inserted or updated');
END TRY
BEGIN CATCH
    PRINT N'30-merge-customers failed: ' + ERROR_MESSAGE();
    THROW;
END CATCH
GO
