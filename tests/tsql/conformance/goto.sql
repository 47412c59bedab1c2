-- construct: GOTO and labels
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/language-elements/goto-transact-sql
-- The documentation's example: GOTO leaves a WHILE loop for a label after it.
DECLARE @Counter INT;
SET @Counter = 1;
WHILE @Counter < 10
BEGIN
    PRINT @Counter;
    SET @Counter = @Counter + 1;
    IF @Counter = 4 GOTO Branch_One;
    IF @Counter = 5 GOTO Branch_Two;
END
Branch_One:
    PRINT 'Jumping To Branch One.';
    GOTO Branch_Three;
Branch_Two:
    PRINT 'Jumping To Branch Two.';
Branch_Three:
    PRINT 'Jumping To Branch Three.';
-- prints: 1
-- prints: 2
-- prints: 3
-- prints: Jumping To Branch One.
-- prints: Jumping To Branch Three.
