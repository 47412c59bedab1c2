-- construct: MERGE where a target row matches two source rows: error 8672
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/statements/merge-transact-sql
-- "The MERGE statement attempted to UPDATE or DELETE the same row more than once": the
-- statement fails and changes nothing (an SCD load would otherwise keep two versions).
DROP TABLE IF EXISTS dbo.merge_dim;
DROP TABLE IF EXISTS dbo.merge_feed;
CREATE TABLE dbo.merge_dim (code INT, version INT);
CREATE TABLE dbo.merge_feed (code INT, version INT);
INSERT INTO dbo.merge_dim VALUES (1, 1);
INSERT INTO dbo.merge_feed VALUES (1, 2), (1, 3);
BEGIN TRY
    MERGE dbo.merge_dim AS tgt USING dbo.merge_feed AS src ON tgt.code = src.code
    WHEN MATCHED THEN UPDATE SET version = tgt.version + 1;
    PRINT 'merged';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
-- prints: 8672
PRINT (SELECT version FROM dbo.merge_dim WHERE code = 1);
-- prints: 1
MERGE dbo.merge_dim AS tgt
USING (SELECT code, MAX(version) AS version FROM dbo.merge_feed GROUP BY code) AS src
ON tgt.code = src.code
WHEN MATCHED THEN UPDATE SET version = src.version;
PRINT (SELECT version FROM dbo.merge_dim WHERE code = 1);
-- prints: 3
DROP TABLE dbo.merge_feed;
DROP TABLE dbo.merge_dim;
