DECLARE @attempt INT = 0
retry:
SET @attempt += 1
PRINT 'attempt ' + CAST(@attempt AS VARCHAR(3))
BEGIN TRY
    INSERT INTO sbx_dbo.PolicyNumbers (PolicyNumber, IssuedAt) VALUES (NEXT VALUE FOR sbx_dbo.PolicyNumberSequence, SYSUTCDATETIME())
END TRY
BEGIN CATCH
    IF @attempt < 3 GOTO retry
    PRINT 'giving up'
END CATCH
