DECLARE @p INT = $PARTITION.pf_premium_year(20220615);
TRUNCATE TABLE dw.FactPremium_Stage;
ALTER TABLE dw.FactPremiumPartitioned SWITCH PARTITION @p TO dw.FactPremium_Stage;
TRUNCATE TABLE dw.FactPremium_Stage;
