-- construct: RAISERROR (severity, state, %s/%d, WITH NOWAIT / SETERROR)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/raiserror-transact-sql
-- Severity 10 or lower is a message, not an error.
RAISERROR (N'This is message %s %d.', 10, 1, N'number', 5);
-- prints: This is message number 5.
RAISERROR (N'<<%*.*s>>', 10, 1, 7, 3, N'abcde');
-- prints: <<    abc>>
RAISERROR (N'<<%7.3s>>', 10, 1, N'abcde');
-- prints: <<    abc>>
DECLARE @StringVariable NVARCHAR(50);
SET @StringVariable = N'<<%7.3s>>';
RAISERROR (@StringVariable, 10, 1, N'abcde') WITH NOWAIT;
-- prints: <<    abc>>
PRINT @@ERROR;
-- prints: 0
-- Severity 11 to 19 in a TRY block goes to the CATCH block.
BEGIN TRY
    RAISERROR ('Error raised in TRY block.', 16, 1);
END TRY
BEGIN CATCH
    DECLARE @ErrorMessage NVARCHAR(4000), @ErrorSeverity INT, @ErrorState INT;
    SELECT @ErrorMessage = ERROR_MESSAGE(), @ErrorSeverity = ERROR_SEVERITY(),
           @ErrorState = ERROR_STATE();
    PRINT CONCAT(ERROR_NUMBER(), ' ', @ErrorSeverity, ' ', @ErrorState, ' ', @ErrorMessage);
END CATCH;
-- prints: 50000 16 1 Error raised in TRY block.
-- Severity 10 in a TRY block does not.
BEGIN TRY
    RAISERROR ('Just a message.', 10, 1);
    PRINT 'still in TRY';
END TRY
BEGIN CATCH
    PRINT 'in CATCH';
END CATCH;
-- prints: Just a message.
-- prints: still in TRY
-- WITH SETERROR sets @@ERROR to 50000 whatever the severity.
RAISERROR ('Flagged.', 10, 1) WITH SETERROR;
-- prints: Flagged.
PRINT @@ERROR;
-- prints: 50000
-- A NULL argument prints (null); a negative state counts as 1.
BEGIN TRY
    RAISERROR ('Value %s', 16, -5, NULL);
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_MESSAGE(), ' / state ', ERROR_STATE());
END CATCH;
-- prints: Value (null) / state 1
