-- construct: FOREIGN KEY: a child row without its parent (error 547)
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/tables/primary-and-foreign-key-constraints
DROP TABLE IF EXISTS dbo.conf_fk_sale;
DROP TABLE IF EXISTS dbo.conf_fk_product;
CREATE TABLE dbo.conf_fk_product (product_key INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL);
CREATE TABLE dbo.conf_fk_sale (
    sale_id INT NOT NULL PRIMARY KEY,
    product_key INT NULL,
    qty INT NOT NULL,
    CONSTRAINT FK_conf_fk_sale_product FOREIGN KEY (product_key)
        REFERENCES dbo.conf_fk_product (product_key)
);
INSERT INTO dbo.conf_fk_product VALUES (1, 'A'), (2, 'B');
INSERT INTO dbo.conf_fk_sale VALUES (10, 1, 5), (11, 2, 7);
BEGIN TRY
    -- One row of the three has no parent: the whole statement fails.
    INSERT INTO dbo.conf_fk_sale VALUES (12, 1, 1), (13, 3, 1), (14, 2, 1);
    PRINT 'not reached';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
PRINT (SELECT COUNT(*) FROM dbo.conf_fk_sale);
-- prints: 2
-- A NULL foreign key refers to nothing, so it never conflicts.
INSERT INTO dbo.conf_fk_sale VALUES (15, NULL, 3);
PRINT @@ROWCOUNT;
-- prints: 1
BEGIN TRY
    UPDATE dbo.conf_fk_sale SET product_key = 9 WHERE sale_id = 10;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 547
UPDATE dbo.conf_fk_sale SET product_key = 2 WHERE sale_id = 10;
PRINT @@ERROR;
-- prints: 0
DROP TABLE dbo.conf_fk_sale;
DROP TABLE dbo.conf_fk_product;
