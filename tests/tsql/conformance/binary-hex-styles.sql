-- construct: binary literals (0x…) and CONVERT between binary and hex text, styles 1 and 2
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/cast-and-convert-transact-sql#binary-styles
DROP TABLE IF EXISTS dbo.hash_keys;
CREATE TABLE dbo.hash_keys (k VARBINARY(32) NOT NULL, b BINARY(2) NULL);
INSERT INTO dbo.hash_keys (k, b) VALUES (0x00FF, 0xABCD), (0x1A2B3C, NULL);
PRINT @@ROWCOUNT;
-- prints: 2
DECLARE @k VARBINARY(32) = 0x1A2B3C;
SELECT @k = k FROM dbo.hash_keys WHERE k = 0x00FF;
PRINT CONVERT(VARCHAR(10), @k, 1);
-- prints: 0x00FF
PRINT CONVERT(VARCHAR(10), @k, 2);
-- prints: 00FF
-- A column's type is known only when the statement runs.
DECLARE @text VARCHAR(20);
SELECT @text = CONVERT(VARCHAR(20), k, 1) FROM dbo.hash_keys WHERE b IS NULL;
PRINT @text;
-- prints: 0x1A2B3C
SELECT @text = CONVERT(VARCHAR(20), k, 2) + '|' + CONVERT(VARCHAR(20), b, 1)
FROM dbo.hash_keys WHERE b IS NOT NULL;
PRINT @text;
-- prints: 00FF|0xABCD
PRINT CASE WHEN CONVERT(VARBINARY(32), '0x00ff', 1) = 0x00FF THEN 'equal' ELSE 'different' END;
-- prints: equal
PRINT CASE WHEN CONVERT(VARBINARY(32), '1A2B3C', 2) = 0x1A2B3C THEN 'equal' ELSE 'different' END;
-- prints: equal
DECLARE @found INT = (SELECT COUNT(*) FROM dbo.hash_keys WHERE k IN (0x00FF, 0x1A2B3C));
PRINT @found;
-- prints: 2
UPDATE dbo.hash_keys SET b = 0x0102 WHERE k = CONVERT(VARBINARY(32), '1A2B3C', 2);
PRINT @@ROWCOUNT;
-- prints: 1
-- Style 2 of a date: yy.mm.dd (ANSI); 102: yyyy.mm.dd.
PRINT CONVERT(VARCHAR(10), CAST('2006-04-25' AS DATE), 2);
-- prints: 06.04.25
PRINT CONVERT(VARCHAR(10), CAST('2006-04-25T15:50:59' AS DATETIME), 102);
-- prints: 2006.04.25
-- Style 1 reads text that starts with 0x; 2 text without it. Both need whole bytes.
BEGIN TRY
    PRINT CONVERT(VARCHAR(10), CONVERT(VARBINARY(8), '00FF', 1), 2);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 8114
BEGIN TRY
    PRINT CONVERT(VARCHAR(10), CONVERT(VARBINARY(8), '0FF', 2), 2);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 8114
