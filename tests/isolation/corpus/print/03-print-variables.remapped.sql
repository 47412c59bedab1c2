DECLARE @started DATETIME2 = SYSUTCDATETIME(), @n INT;
PRINT CONCAT('started at ', CONVERT(VARCHAR(30), @started, 126));
SELECT @n = COUNT(*) FROM sbx_stage.Policies;
PRINT 'rows in stage.Policies: ' + CAST(@n AS VARCHAR(10));
INSERT INTO sbx_dbo.Policies (PolicyId, PolicyNumber, BrokerId, ProductCode, InceptionDate, AnnualPremium)
SELECT PolicyId, PolicyNumber, BrokerId, ProductCode, InceptionDate, AnnualPremium FROM sbx_stage.Policies;
PRINT 'took ' + CAST(DATEDIFF(MILLISECOND, @started, SYSUTCDATETIME()) AS VARCHAR(10)) + ' ms';
