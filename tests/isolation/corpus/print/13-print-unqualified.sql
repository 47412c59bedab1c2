PRINT 'legacy load into the default schema'
TRUNCATE TABLE BrokerStaging
INSERT INTO BrokerStaging (code, name) SELECT broker_code, broker_name FROM stage.Brokers
PRINT 'copied'
UPDATE Brokers SET BrokerName = bs.name FROM Brokers JOIN BrokerStaging bs ON bs.code = Brokers.BrokerCode
