CREATE PROCEDURE etl.usp_LoadPolicies
    @LoadDate DATE = NULL
AS
BEGIN
    SET NOCOUNT ON
    IF @LoadDate IS NULL SET @LoadDate = CAST(GETDATE() AS DATE)
    BEGIN TRY
        DELETE FROM dbo.Policies WHERE InceptionDate = @LoadDate
        INSERT INTO dbo.Policies (PolicyId, PolicyNumber, BrokerId, ProductCode, InceptionDate, AnnualPremium)
        SELECT s.PolicyId, s.PolicyNumber, b.BrokerId, s.ProductCode, s.InceptionDate, s.AnnualPremium
        FROM stage.Policies s
        JOIN dbo.Brokers b ON b.BrokerCode = s.BrokerCode
        WHERE s.InceptionDate = @LoadDate
        PRINT 'Policies loaded: ' + CAST(@@ROWCOUNT AS VARCHAR(10))
    END TRY
    BEGIN CATCH
        INSERT INTO log.ErrorLog (ProcedureName, ErrorNumber, ErrorMessage)
        VALUES (ERROR_PROCEDURE(), ERROR_NUMBER(), ERROR_MESSAGE())
        RAISERROR('usp_LoadPolicies failed', 16, 1)
    END CATCH
END
GO
