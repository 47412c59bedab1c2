EXEC (N'UPDATE sbx_dbo.Brokers SET BrokerName = N''Unknown'' WHERE BrokerName IS NULL');
EXECUTE ('DELETE FROM [sbx_stage].[Brokers] WHERE broker_code = ''''');
