DECLARE @attempt INT = 0
retry:
SET @attempt += 1
PRINT 'attempt ' + CAST(@attempt AS VARCHAR(3))
BEGIN TRY
    INSERT INTO dbo.PolicyNumbers (PolicyNumber, IssuedAt) VALUES (NEXT VALUE FOR dbo.PolicyNumberSequence, SYSUTCDATETIME())
END TRY
BEGIN CATCH
    IF @attempt < 3 GOTO retry
    PRINT 'giving up'
END CATCH
