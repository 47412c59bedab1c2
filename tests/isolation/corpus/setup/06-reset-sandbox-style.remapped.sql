DROP TABLE IF EXISTS [sbx_etl].[stg_brokers];
DROP TABLE IF EXISTS [sbx_etl].[stg_policies];
DROP VIEW IF EXISTS [sbx_dw].[vBrokerPremium];
DROP PROCEDURE IF EXISTS [sbx_etl].[usp_LoadBrokers];
DROP FUNCTION IF EXISTS [sbx_dbo].[fn_DateKey];
DROP SEQUENCE IF EXISTS [sbx_dbo].[PolicyNumberSequence];
DROP TYPE IF EXISTS [sbx_dbo].[AddressList];
DROP SYNONYM IF EXISTS [sbx_dbo].[Customer];
