CREATE STATISTICS st_FactClaims_Paid ON sbx_dw.FactClaims (Paid) WITH FULLSCAN;
UPDATE STATISTICS sbx_dw.FactClaims st_FactClaims_Paid WITH SAMPLE 50 PERCENT;
UPDATE STATISTICS sbx_dbo.Policies;
DROP STATISTICS sbx_dw.FactClaims.st_FactClaims_Paid;
