UPDATE tgt
SET    tgt.AnnualPremium = src.AnnualPremium,
       tgt.ExpiryDate    = src.ExpiryDate
FROM   dbo.Policies AS tgt
INNER JOIN stage.Policies AS src ON src.PolicyNumber = tgt.PolicyNumber
WHERE  tgt.AnnualPremium <> src.AnnualPremium OR ISNULL(tgt.ExpiryDate, '1900-01-01') <> ISNULL(src.ExpiryDate, '1900-01-01');
