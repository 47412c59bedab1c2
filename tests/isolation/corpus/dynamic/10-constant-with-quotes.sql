EXEC (N'UPDATE dbo.Brokers SET BrokerName = N''Unknown'' WHERE BrokerName IS NULL');
EXECUTE ('DELETE FROM [stage].[Brokers] WHERE broker_code = ''''');
