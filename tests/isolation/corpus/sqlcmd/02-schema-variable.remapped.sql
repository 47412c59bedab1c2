:setvar StageSchema "stage"
:on error exit
TRUNCATE TABLE [$(StageSchema)].[Brokers];
INSERT INTO [$(StageSchema)].[Brokers] (broker_code, broker_name)
SELECT code, name FROM sbx_raw_data.brokers;
GO
