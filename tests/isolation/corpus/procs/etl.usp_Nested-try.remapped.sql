CREATE PROCEDURE sbx_etl.usp_LoadAll AS
BEGIN TRY
    BEGIN TRY
        EXEC sbx_etl.usp_LoadBrokers @RunId = NULL
    END TRY
    BEGIN CATCH
        PRINT 'brokers failed, continuing'
        INSERT INTO sbx_log.ErrorLog (ProcedureName, ErrorMessage) VALUES ('usp_LoadBrokers', ERROR_MESSAGE())
    END CATCH
    EXEC sbx_etl.usp_LoadPolicies
END TRY
BEGIN CATCH
    EXEC sbx_log.usp_WriteError
    RETURN 50000
END CATCH
GO
