DROP TABLE IF EXISTS [etl].[stg_brokers];
DROP TABLE IF EXISTS [etl].[stg_policies];
DROP VIEW IF EXISTS [dw].[vBrokerPremium];
DROP PROCEDURE IF EXISTS [etl].[usp_LoadBrokers];
DROP FUNCTION IF EXISTS [dbo].[fn_DateKey];
DROP SEQUENCE IF EXISTS [dbo].[PolicyNumberSequence];
DROP TYPE IF EXISTS [dbo].[AddressList];
DROP SYNONYM IF EXISTS [dbo].[Customer];
