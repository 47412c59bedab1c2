CREATE TABLE dw.FactClaims (
    DateKey INT NOT NULL,
    ClaimKey BIGINT NOT NULL,
    Paid DECIMAL(18, 2) NOT NULL
) ON ps_premium_year (DateKey);
GO
CREATE CLUSTERED COLUMNSTORE INDEX CCI_FactClaims ON dw.FactClaims ON ps_premium_year (DateKey);
GO
ALTER INDEX CCI_FactClaims ON dw.FactClaims REORGANIZE WITH (COMPRESS_ALL_ROW_GROUPS = ON);
GO
