-- construct: sp_rename of a table or a column a FOREIGN KEY uses (the key follows)
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/system-stored-procedures/sp-rename-transact-sql
DROP TABLE IF EXISTS dbo.conf_spr_sale;
DROP TABLE IF EXISTS dbo.conf_spr_product_old;
DROP TABLE IF EXISTS dbo.conf_spr_product;
DROP TABLE IF EXISTS dbo.conf_spr_product_new;
CREATE TABLE dbo.conf_spr_product (product_key INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL);
CREATE TABLE dbo.conf_spr_sale (
    sale_id INT NOT NULL PRIMARY KEY,
    product_key INT NOT NULL,
    CONSTRAINT fk_conf_spr_sale FOREIGN KEY (product_key)
        REFERENCES dbo.conf_spr_product (product_key)
);
CREATE TABLE dbo.conf_spr_product_new (product_key INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL);
INSERT INTO dbo.conf_spr_product VALUES (1, 'A');
INSERT INTO dbo.conf_spr_product_new VALUES (1, 'A'), (2, 'B');
INSERT INTO dbo.conf_spr_sale VALUES (10, 1);
-- The swap: the old table renamed away, the new one renamed in.
EXEC sp_rename 'dbo.conf_spr_product', 'conf_spr_product_old';
-- prints: Caution: Changing any part of an object name could break scripts and stored procedures.
EXEC sp_rename 'dbo.conf_spr_product_new', 'conf_spr_product';
-- prints: Caution: Changing any part of an object name could break scripts and stored procedures.
-- The key followed the old table: product 2 is only in the new one.
BEGIN TRY
    INSERT INTO dbo.conf_spr_sale VALUES (11, 2);
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
BEGIN TRY
    DROP TABLE dbo.conf_spr_product_old;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 3726
-- A renamed key column stays in the key.
EXEC sp_rename 'dbo.conf_spr_product_old.product_key', 'product_id', 'COLUMN';
-- prints: Caution: Changing any part of an object name could break scripts and stored procedures.
BEGIN TRY
    DELETE FROM dbo.conf_spr_product_old WHERE product_id = 1;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
BEGIN TRY
    EXEC sp_rename 'dbo.conf_spr_product', 'conf_spr_product_old';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 15335
DROP TABLE dbo.conf_spr_sale;
DROP TABLE dbo.conf_spr_product_old;
DROP TABLE dbo.conf_spr_product;
