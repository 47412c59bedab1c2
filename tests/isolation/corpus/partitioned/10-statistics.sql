CREATE STATISTICS st_FactClaims_Paid ON dw.FactClaims (Paid) WITH FULLSCAN;
UPDATE STATISTICS dw.FactClaims st_FactClaims_Paid WITH SAMPLE 50 PERCENT;
UPDATE STATISTICS dbo.Policies;
DROP STATISTICS dw.FactClaims.st_FactClaims_Paid;
