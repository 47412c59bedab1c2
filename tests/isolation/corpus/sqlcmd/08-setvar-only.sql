:setvar BatchSize 5000
DECLARE @batch INT = $(BatchSize);
WHILE 1 = 1
BEGIN
    DELETE TOP (@batch) FROM audit.LoadLog WHERE LoggedAt < DATEADD(MONTH, -6, GETDATE());
    IF @@ROWCOUNT < @batch BREAK;
END
GO
