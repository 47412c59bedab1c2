-- Refactoring log of an SSDT project: renames go through sp_rename.
IF COL_LENGTH(N'dbo.Claims', N'ClaimNo') IS NOT NULL
    EXEC sp_rename N'dbo.Claims.ClaimNo', N'ClaimNumber', N'COLUMN';
GO
IF OBJECT_ID(N'[dbo].[ClaimsOld]', N'U') IS NOT NULL
    EXEC sp_rename @objname = N'[dbo].[ClaimsOld]', @newname = N'ClaimsArchive';
GO
EXEC sp_rename N'dbo.Claims.IX_Claims_Policy', N'IX_Claims_PolicyNumber', N'INDEX';
GO
