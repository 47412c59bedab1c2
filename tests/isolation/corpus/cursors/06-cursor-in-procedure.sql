CREATE PROCEDURE etl.usp_CloseExpiredPolicies
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @PolicyId BIGINT;
    DECLARE expired CURSOR LOCAL STATIC READ_ONLY FOR
        SELECT p.PolicyId FROM dbo.Policies p WHERE p.ExpiryDate < CAST(GETDATE() AS DATE);
    OPEN expired;
    FETCH NEXT FROM expired INTO @PolicyId;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        BEGIN TRY
            EXEC dbo.usp_ClosePolicy @PolicyId;
        END TRY
        BEGIN CATCH
            INSERT INTO log.ErrorLog (ProcedureName, ErrorMessage) VALUES (N'usp_CloseExpiredPolicies', ERROR_MESSAGE());
        END CATCH
        FETCH NEXT FROM expired INTO @PolicyId;
    END
    CLOSE expired;
    DEALLOCATE expired;
END
GO
