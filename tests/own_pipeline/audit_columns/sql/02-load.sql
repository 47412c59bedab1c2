/* 02-load.sql: new codes from stage.incoming into stage.d; the defaults stamp each row. */
SET NOCOUNT ON;
DECLARE @rows INT;

INSERT INTO stage.d (code, amount)
SELECT i.code, i.amount
FROM stage.incoming AS i
WHERE NOT EXISTS (SELECT 1 FROM stage.d AS d WHERE d.code = i.code);
SET @rows = @@ROWCOUNT;

EXEC ops.usp_log_step @step = N'load codes', @rows = @rows;
PRINT CONCAT(N'loaded ', @rows, N' rows as ', SYSTEM_USER, N' on ', HOST_NAME());
GO
