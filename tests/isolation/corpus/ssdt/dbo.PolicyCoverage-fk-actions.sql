CREATE TABLE dbo.PolicyCoverage (
    PolicyId     BIGINT       NOT NULL,
    CoverageCode VARCHAR(10)  NOT NULL,
    SumInsured   DECIMAL(18,2) NOT NULL,
    CONSTRAINT PK_PolicyCoverage PRIMARY KEY (PolicyId, CoverageCode),
    CONSTRAINT FK_PolicyCoverage_Policies FOREIGN KEY (PolicyId)
        REFERENCES dbo.Policies (PolicyId) ON DELETE CASCADE ON UPDATE NO ACTION,
    CONSTRAINT FK_PolicyCoverage_Coverage FOREIGN KEY (CoverageCode)
        REFERENCES ref.Coverage (CoverageCode) ON DELETE SET NULL
)
GO
ALTER TABLE dbo.PolicyCoverage NOCHECK CONSTRAINT FK_PolicyCoverage_Coverage
GO
