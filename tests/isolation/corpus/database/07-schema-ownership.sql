ALTER AUTHORIZATION ON SCHEMA::[stage] TO [dbo];
GO
ALTER SCHEMA [dw] TRANSFER [stage].[FactPremium_Ready];
ALTER SCHEMA etl TRANSFER OBJECT::dbo.usp_LegacyLoad;
GO
