-- Refactoring log of an SSDT project: renames go through sp_rename.
IF COL_LENGTH(N'sbx_dbo.Claims', N'ClaimNo') IS NOT NULL
    EXEC sp_rename N'sbx_dbo.Claims.ClaimNo', N'ClaimNumber', N'COLUMN';
GO
IF OBJECT_ID(N'[sbx_dbo].[ClaimsOld]', N'U') IS NOT NULL
    EXEC sp_rename @objname = N'[sbx_dbo].[ClaimsOld]', @newname = N'ClaimsArchive';
GO
EXEC sp_rename N'sbx_dbo.Claims.IX_Claims_Policy', N'IX_Claims_PolicyNumber', N'INDEX';
GO
