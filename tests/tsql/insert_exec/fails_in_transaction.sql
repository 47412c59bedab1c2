-- Inside one, the error dooms it, and the rows go with the ROLLBACK.
BEGIN TRY
    BEGIN TRAN;
    INSERT INTO #got EXEC dbo.usp_ie_then_fail;
    COMMIT;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
    IF @@TRANCOUNT > 0 ROLLBACK;
END CATCH
PRINT (SELECT COUNT(*) FROM #got);
