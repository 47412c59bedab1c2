CREATE TABLE sbx_dw.FactPremium_Load (
    DateKey INT NOT NULL,
    PolicyKey BIGINT NOT NULL,
    PremiumAmount DECIMAL(18,2) NOT NULL,
    CONSTRAINT CK_FactPremium_Load_Range CHECK (DateKey >= 20240101 AND DateKey < 20250101)
) ON [PRIMARY];
GO
ALTER TABLE sbx_dw.FactPremium_Load SWITCH TO sbx_dw.FactPremiumPartitioned PARTITION 4;
GO
