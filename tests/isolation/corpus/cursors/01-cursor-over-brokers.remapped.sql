DECLARE @BrokerId INT, @BrokerCode NVARCHAR(20);
DECLARE broker_cur CURSOR LOCAL FAST_FORWARD FOR
    SELECT BrokerId, BrokerCode FROM sbx_dbo.Brokers WHERE IsActive = 1 ORDER BY BrokerId;
OPEN broker_cur;
FETCH NEXT FROM broker_cur INTO @BrokerId, @BrokerCode;
WHILE @@FETCH_STATUS = 0
BEGIN
    INSERT INTO sbx_audit.BrokerSnapshot (BrokerId, BrokerCode, SnapshotAt)
    VALUES (@BrokerId, @BrokerCode, SYSUTCDATETIME());
    FETCH NEXT FROM broker_cur INTO @BrokerId, @BrokerCode;
END
CLOSE broker_cur;
DEALLOCATE broker_cur;
