DECLARE @id INT;
DECLARE broker_cursor CURSOR LOCAL FAST_FORWARD FOR SELECT id FROM sbx_dbo.Brokers;
OPEN broker_cursor;
FETCH NEXT FROM broker_cursor INTO @id;
WHILE @@FETCH_STATUS = 0
BEGIN
    UPDATE sbx_dbo.Brokers SET touched = 1 WHERE id = @id;
    FETCH NEXT FROM broker_cursor INTO @id;
END
CLOSE broker_cursor;
DEALLOCATE broker_cursor;
