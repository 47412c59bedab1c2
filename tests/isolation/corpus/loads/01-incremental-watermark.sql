DECLARE @since DATETIME2(3) = (SELECT LastValue FROM etl.Watermark WHERE SourceName = 'claims');
INSERT INTO stage.Claims (ClaimNumber, PolicyNumber, LossDate, Reserve)
SELECT c.claim_no, c.policy_no, c.loss_date, c.reserve
FROM raw_data.claims c
WHERE c.modified_at > @since;
UPDATE etl.Watermark
SET LastValue = (SELECT MAX(modified_at) FROM raw_data.claims), UpdatedAt = SYSUTCDATETIME()
WHERE SourceName = 'claims';
