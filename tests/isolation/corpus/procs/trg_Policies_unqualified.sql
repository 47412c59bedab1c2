CREATE TRIGGER trg_Policies_Touch ON Policies
AFTER UPDATE
AS
    UPDATE p SET ModifiedAt = GETDATE()
    FROM Policies p JOIN inserted i ON i.PolicyId = p.PolicyId
GO
DISABLE TRIGGER trg_Policies_Touch ON Policies
GO
ENABLE TRIGGER dbo.trg_Policies_Touch ON dbo.Policies
GO
