CREATE PROCEDURE etl.usp_LoadAll AS
BEGIN TRY
    BEGIN TRY
        EXEC etl.usp_LoadBrokers @RunId = NULL
    END TRY
    BEGIN CATCH
        PRINT 'brokers failed, continuing'
        INSERT INTO log.ErrorLog (ProcedureName, ErrorMessage) VALUES ('usp_LoadBrokers', ERROR_MESSAGE())
    END CATCH
    EXEC etl.usp_LoadPolicies
END TRY
BEGIN CATCH
    EXEC log.usp_WriteError
    RETURN 50000
END CATCH
GO
