-- construct: OUTPUT ... INTO a table on either side of a FOREIGN KEY (error 332)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/queries/output-clause-transact-sql
-- The statement is compiled in dynamic SQL so that an outer CATCH sees its compile error.
DROP TABLE IF EXISTS dbo.conf_oif_key_map;
DROP TABLE IF EXISTS dbo.conf_oif_customer;
DROP TABLE IF EXISTS dbo.conf_oif_audit;
CREATE TABLE dbo.conf_oif_customer (
    customer_key INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    source_id VARCHAR(20) NOT NULL
);
CREATE TABLE dbo.conf_oif_key_map (
    customer_key INT NOT NULL,
    source_id VARCHAR(20) NOT NULL,
    CONSTRAINT fk_conf_oif_key_map FOREIGN KEY (customer_key)
        REFERENCES dbo.conf_oif_customer (customer_key)
);
CREATE TABLE dbo.conf_oif_audit (customer_key INT NOT NULL, source_id VARCHAR(20) NOT NULL);
-- The child of the key as the target.
BEGIN TRY
    EXEC (N'INSERT INTO dbo.conf_oif_customer (source_id)
OUTPUT inserted.customer_key, inserted.source_id INTO dbo.conf_oif_key_map
VALUES (''C-1'');');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 332
-- The parent of the key as the target.
BEGIN TRY
    EXEC (N'DELETE FROM dbo.conf_oif_audit
OUTPUT deleted.source_id INTO dbo.conf_oif_customer (source_id);');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 332
PRINT (SELECT COUNT(*) FROM dbo.conf_oif_customer);
-- prints: 0
-- A table without keys takes the rows.
INSERT INTO dbo.conf_oif_customer (source_id)
OUTPUT inserted.customer_key, inserted.source_id INTO dbo.conf_oif_audit
VALUES ('C-1'), ('C-2');
PRINT (SELECT COUNT(*) FROM dbo.conf_oif_audit);
-- prints: 2
DROP TABLE dbo.conf_oif_key_map;
DROP TABLE dbo.conf_oif_customer;
DROP TABLE dbo.conf_oif_audit;
