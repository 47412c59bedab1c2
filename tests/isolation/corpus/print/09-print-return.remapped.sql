IF (SELECT COUNT(*) FROM sbx_stage.Policies) = 0
BEGIN
    PRINT 'nothing to load'
    RETURN
END
DELETE FROM sbx_dbo.Policies WHERE PolicyId IN (SELECT PolicyId FROM sbx_stage.Policies)
INSERT INTO sbx_dbo.Policies SELECT * FROM sbx_stage.Policies
