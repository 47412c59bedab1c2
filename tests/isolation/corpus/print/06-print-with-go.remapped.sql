PRINT 'Step 1'
GO
TRUNCATE TABLE sbx_stage.Claims
GO
PRINT 'Step 2'
GO
INSERT INTO sbx_stage.Claims (ClaimNumber, PolicyNumber, LossDate, Reserve)
SELECT ClaimNumber, PolicyNumber, LossDate, Reserve FROM sbx_raw_data.claims_feed
GO
PRINT 'Step 3'
UPDATE STATISTICS sbx_stage.Claims
GO
