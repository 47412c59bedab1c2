CREATE TRIGGER trg_Policies_Touch ON sbx_dbo.Policies
AFTER UPDATE
AS
    UPDATE p SET ModifiedAt = GETDATE()
    FROM sbx_dbo.Policies p JOIN inserted i ON i.PolicyId = p.PolicyId
GO
DISABLE TRIGGER trg_Policies_Touch ON sbx_dbo.Policies
GO
ENABLE TRIGGER sbx_dbo.trg_Policies_Touch ON sbx_dbo.Policies
GO
