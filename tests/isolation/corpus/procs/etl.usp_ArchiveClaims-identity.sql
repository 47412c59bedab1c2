CREATE PROCEDURE etl.usp_ArchiveClaims
AS
BEGIN
    SET NOCOUNT ON;
    BEGIN TRY
        BEGIN TRANSACTION;
        SET IDENTITY_INSERT dbo.ClaimsArchive ON;
        INSERT INTO dbo.ClaimsArchive (ClaimId, ClaimNumber, ClosedAt)
        SELECT ClaimId, ClaimNumber, ClosedAt FROM dbo.Claims WHERE ClosedAt < '2020-01-01';
        SET IDENTITY_INSERT dbo.ClaimsArchive OFF;
        DELETE c FROM dbo.Claims AS c WHERE c.ClosedAt < '2020-01-01';
        COMMIT;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK;
        SET IDENTITY_INSERT dbo.ClaimsArchive OFF;
        THROW;
    END CATCH
END
GO
