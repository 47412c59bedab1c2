/*
    32-update-accounts.sql
    billing.Invoices -> billing.Accounts: each new invoice is added to its customer's
    balance once (LastInvoiceId remembers the last one counted); new customers get an
    account.
*/
SET NOCOUNT ON;

BEGIN TRY
    INSERT INTO billing.Accounts (CustomerId, Balance, LastInvoiceId)
    SELECT cu.CustomerId, 0, NULL
    FROM billing.Customers AS cu
    WHERE NOT EXISTS (SELECT 1 FROM billing.Accounts AS a WHERE a.CustomerId = cu.CustomerId);

    UPDATE a
    SET    Balance = a.Balance + n.amount,
           LastInvoiceId = n.last_invoice
    FROM billing.Accounts AS a
    JOIN (
        SELECT i.CustomerId, SUM(i.Amount) AS amount, MAX(i.InvoiceId) AS last_invoice
        FROM billing.Invoices AS i
        JOIN billing.Accounts AS x ON x.CustomerId = i.CustomerId
        WHERE i.InvoiceId > ISNULL(x.LastInvoiceId, 0)
        GROUP BY i.CustomerId
    ) AS n ON n.CustomerId = a.CustomerId;

    PRINT CONCAT(N'billing.Accounts: ', @@ROWCOUNT, N' balances moved');
END TRY
BEGIN CATCH
    PRINT N'32-update-accounts failed: ' + ERROR_MESSAGE();
    THROW;
END CATCH
GO
