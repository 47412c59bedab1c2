-- construct: CHECKSUM / BINARY_CHECKSUM
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/binary-checksum-transact-sql
-- SQL Server's checksum values, and which different inputs share one, cannot be
-- reproduced, so even comparing two checksums can come out otherwise: refused.
-- compat on duckdb, postgres at 8:11: CHECKSUM()
-- compat on duckdb, postgres at 10:11: BINARY_CHECKSUM()
-- On a case-insensitive server, CHECKSUM gives 'McCavity' and 'Mccavity' one value.
PRINT IIF(CHECKSUM(N'McCavity') = CHECKSUM(N'Mccavity'), 'same', 'different');
-- prints: same
PRINT IIF(BINARY_CHECKSUM(N'McCavity') = BINARY_CHECKSUM(N'Mccavity'), 'same', 'different');
-- prints: different
