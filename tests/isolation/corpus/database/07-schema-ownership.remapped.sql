ALTER AUTHORIZATION ON SCHEMA::[sbx_stage] TO [dbo];
GO
ALTER SCHEMA [sbx_dw] TRANSFER [sbx_stage].[FactPremium_Ready];
ALTER SCHEMA sbx_etl TRANSFER OBJECT::sbx_dbo.usp_LegacyLoad;
GO
