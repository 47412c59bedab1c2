CREATE OR ALTER PROCEDURE [log].[usp_WriteError]
    @ProcedureName sysname = NULL
AS
SET NOCOUNT ON;
INSERT INTO [log].[ErrorLog] (ProcedureName, ErrorNumber, ErrorSeverity, ErrorState, ErrorLine, ErrorMessage)
SELECT COALESCE(@ProcedureName, ERROR_PROCEDURE()), ERROR_NUMBER(), ERROR_SEVERITY(), ERROR_STATE(), ERROR_LINE(), ERROR_MESSAGE();
RETURN 0;
GO
