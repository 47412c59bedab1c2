/* Every way a step writes a table, and what does not count. */
WITH fresh AS (SELECT code FROM raw.feed)
INSERT INTO dv.HubCustomer (CustomerCode) SELECT code FROM fresh;
INSERT INTO #work (a) SELECT 1;
DECLARE @rows TABLE (a INT);
INSERT INTO @rows (a) SELECT 1;
SELECT code INTO dv.RefCode FROM raw.feed;
SELECT * FROM dv.NotWritten;
EXEC (N'INSERT INTO dv.InAString (a) VALUES (1)');
GO
CREATE PROCEDURE dv.load_satellite AS
BEGIN
    UPDATE s SET s.EndDate = SYSUTCDATETIME() FROM dv.SatCustomer AS s WHERE s.EndDate IS NULL;
    IF @@ROWCOUNT > 0
        MERGE dv.HubProduct AS t USING raw.products AS p ON t.Code = p.code
        WHEN NOT MATCHED THEN INSERT (Code) VALUES (p.code);
END
GO
INSERT [DV].[HUBCUSTOMER] (CustomerCode) VALUES (N'again');
UPDATE LoadLog SET Finished = 1;
INSERT INTO otherdb.dv.Remote (a) VALUES (1);
