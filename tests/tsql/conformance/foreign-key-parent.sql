-- construct: FOREIGN KEY: deleting, updating, truncating or dropping a referenced parent
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/truncate-table-transact-sql
DROP TABLE IF EXISTS dbo.conf_fkp_sale;
DROP TABLE IF EXISTS dbo.conf_fkp_product;
CREATE TABLE dbo.conf_fkp_product (product_key INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL);
CREATE TABLE dbo.conf_fkp_sale (
    sale_id INT NOT NULL PRIMARY KEY,
    product_key INT NOT NULL REFERENCES dbo.conf_fkp_product (product_key)
);
INSERT INTO dbo.conf_fkp_product VALUES (1, 'A'), (2, 'B'), (3, 'C');
INSERT INTO dbo.conf_fkp_sale VALUES (10, 1), (11, 2);
BEGIN TRY
    DELETE FROM dbo.conf_fkp_product WHERE product_key IN (2, 3);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
-- A parent no child refers to may go.
DELETE FROM dbo.conf_fkp_product WHERE product_key = 3;
PRINT @@ROWCOUNT;
-- prints: 1
BEGIN TRY
    UPDATE dbo.conf_fkp_product SET product_key = 20 WHERE product_key = 2;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
UPDATE dbo.conf_fkp_product SET code = 'b' WHERE product_key = 2;
PRINT @@ROWCOUNT;
-- prints: 1
-- A table a FOREIGN KEY references cannot be truncated, even when no row refers to it.
DELETE FROM dbo.conf_fkp_sale;
BEGIN TRY
    TRUNCATE TABLE dbo.conf_fkp_product;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 4712
BEGIN TRY
    DROP TABLE dbo.conf_fkp_product;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 3726
PRINT (SELECT COUNT(*) FROM dbo.conf_fkp_product);
-- prints: 2
DROP TABLE dbo.conf_fkp_sale;
DROP TABLE dbo.conf_fkp_product;
