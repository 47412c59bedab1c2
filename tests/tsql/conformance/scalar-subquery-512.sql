-- construct: Scalar subquery that returns more than one row: error 512
-- documented: https://learn.microsoft.com/en-us/training/modules/write-subqueries/6-knowledge-check
-- "Msg 512, Level 16, State 1 ... Subquery returned more than 1 value": a subquery used
-- as an expression (SET @v = (SELECT ...), a comparison) must return at most one row.
DROP TABLE IF EXISTS dbo.conf_versions;
CREATE TABLE dbo.conf_versions (customer_id VARCHAR(10), sk INT);
INSERT INTO dbo.conf_versions VALUES ('C1', 1), ('C2', 2), ('C2', 5);
DECLARE @sk INT;
SET @sk = (SELECT sk FROM dbo.conf_versions WHERE customer_id = 'C1');
PRINT @sk;
-- prints: 1
BEGIN TRY
    SET @sk = (SELECT sk FROM dbo.conf_versions WHERE customer_id = 'C2');
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' ', ERROR_SEVERITY(), ' ', @sk);
END CATCH
-- prints: 512 16 1
BEGIN TRY
    SELECT customer_id FROM dbo.conf_versions
    WHERE sk = (SELECT sk FROM dbo.conf_versions WHERE customer_id = 'C2');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
-- prints: 512
DROP TABLE dbo.conf_versions;
