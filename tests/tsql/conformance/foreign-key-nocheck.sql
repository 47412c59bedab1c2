-- construct: ALTER TABLE ... NOCHECK CONSTRAINT / WITH CHECK CHECK CONSTRAINT around a load
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/tables/disable-foreign-key-constraints-with-insert-and-update-statements
-- PostgreSQL's foreign keys are its own: they cannot be switched off.
-- compat on postgres at 23:31: ALTER TABLE ... NOCHECK CONSTRAINT
-- compat on postgres at 30:40: ALTER TABLE ... WITH CHECK CHECK CONSTRAINT
-- compat on postgres at 37:36: ALTER TABLE ... WITH CHECK CHECK CONSTRAINT
DROP TABLE IF EXISTS dbo.conf_fkn_sale;
DROP TABLE IF EXISTS dbo.conf_fkn_product;
CREATE TABLE dbo.conf_fkn_product (product_key INT NOT NULL PRIMARY KEY);
CREATE TABLE dbo.conf_fkn_sale (sale_id INT NOT NULL PRIMARY KEY, product_key INT NOT NULL);
-- As SSMS and SSDT script a foreign key: added WITH CHECK, then switched on.
ALTER TABLE dbo.conf_fkn_sale WITH CHECK ADD CONSTRAINT FK_conf_fkn_sale_product
    FOREIGN KEY (product_key) REFERENCES dbo.conf_fkn_product (product_key);
ALTER TABLE dbo.conf_fkn_sale CHECK CONSTRAINT FK_conf_fkn_sale_product;
INSERT INTO dbo.conf_fkn_product VALUES (1), (2);
BEGIN TRY
    INSERT INTO dbo.conf_fkn_sale VALUES (10, 3);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
ALTER TABLE dbo.conf_fkn_sale NOCHECK CONSTRAINT ALL;
-- Switched off: the load puts in facts whose product comes later.
INSERT INTO dbo.conf_fkn_sale VALUES (10, 1), (11, 3);
PRINT @@ROWCOUNT;
-- prints: 2
BEGIN TRY
    -- WITH CHECK checks the rows already there: product 3 is missing.
    ALTER TABLE dbo.conf_fkn_sale WITH CHECK CHECK CONSTRAINT ALL;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
INSERT INTO dbo.conf_fkn_product VALUES (3);
ALTER TABLE dbo.conf_fkn_sale WITH CHECK CHECK CONSTRAINT ALL;
PRINT @@ERROR;
-- prints: 0
BEGIN TRY
    INSERT INTO dbo.conf_fkn_sale VALUES (12, 4);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
PRINT (SELECT COUNT(*) FROM dbo.conf_fkn_sale);
-- prints: 2
DROP TABLE dbo.conf_fkn_sale;
DROP TABLE dbo.conf_fkn_product;
