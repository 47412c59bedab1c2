DECLARE @p INT = $PARTITION.pf_premium_year(20220615);
TRUNCATE TABLE sbx_dw.FactPremium_Stage;
ALTER TABLE sbx_dw.FactPremiumPartitioned SWITCH PARTITION @p TO sbx_dw.FactPremium_Stage;
TRUNCATE TABLE sbx_dw.FactPremium_Stage;
