DECLARE @since DATETIME2(3) = (SELECT LastValue FROM sbx_etl.Watermark WHERE SourceName = 'claims');
INSERT INTO sbx_stage.Claims (ClaimNumber, PolicyNumber, LossDate, Reserve)
SELECT c.claim_no, c.policy_no, c.loss_date, c.reserve
FROM sbx_raw_data.claims c
WHERE c.modified_at > @since;
UPDATE sbx_etl.Watermark
SET LastValue = (SELECT MAX(modified_at) FROM sbx_raw_data.claims), UpdatedAt = SYSUTCDATETIME()
WHERE SourceName = 'claims';
