PRINT 'Step 1'
GO
TRUNCATE TABLE stage.Claims
GO
PRINT 'Step 2'
GO
INSERT INTO stage.Claims (ClaimNumber, PolicyNumber, LossDate, Reserve)
SELECT ClaimNumber, PolicyNumber, LossDate, Reserve FROM raw_data.claims_feed
GO
PRINT 'Step 3'
UPDATE STATISTICS stage.Claims
GO
