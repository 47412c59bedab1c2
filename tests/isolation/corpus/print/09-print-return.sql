IF (SELECT COUNT(*) FROM stage.Policies) = 0
BEGIN
    PRINT 'nothing to load'
    RETURN
END
DELETE FROM dbo.Policies WHERE PolicyId IN (SELECT PolicyId FROM stage.Policies)
INSERT INTO dbo.Policies SELECT * FROM stage.Policies
