-- construct: WAITFOR DELAY
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/waitfor-transact-sql
-- The batch waits for hh:mm[[:ss].mss] to pass, given as a constant or a variable.
DECLARE @started DATETIME2 = SYSDATETIME();
WAITFOR DELAY '00:00:00.200';
DECLARE @DelayLength CHAR(12) = '00:00:00.100';
WAITFOR DELAY @DelayLength;
PRINT IIF(DATEDIFF(millisecond, @started, SYSDATETIME()) >= 300, 'waited', 'did not wait');
-- prints: waited
-- A time string that is not hh:mm[[:ss].mss] is error 148.
BEGIN TRY
    WAITFOR DELAY 'soon';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 148
