CREATE PROCEDURE etl.usp_temps
AS
BEGIN
    DECLARE @Brokers TABLE (id INT);
    CREATE TABLE #Brokers (id INT);
    CREATE TABLE ##Brokers (id INT);
    INSERT INTO #Brokers VALUES (1), (2);
    INSERT INTO ##Brokers SELECT id FROM #Brokers;
    INSERT INTO @Brokers SELECT id FROM ##Brokers;
    DECLARE Brokers CURSOR LOCAL FOR SELECT id FROM @Brokers;
    OPEN Brokers;
    CLOSE Brokers;
    DEALLOCATE Brokers;
    GOTO Brokers_done;
Brokers_done:
    INSERT INTO etl.Brokers (id) SELECT id FROM #Brokers;
END
