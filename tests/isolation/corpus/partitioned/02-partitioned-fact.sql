CREATE TABLE [dw].[FactPremiumPartitioned] (
    [DateKey]       INT            NOT NULL,
    [PolicyKey]     BIGINT         NOT NULL,
    [PremiumAmount] DECIMAL (18, 2) NOT NULL,
    CONSTRAINT [PK_FactPremiumPartitioned] PRIMARY KEY CLUSTERED ([DateKey], [PolicyKey]) ON [ps_premium_year] ([DateKey])
) ON [ps_premium_year] ([DateKey]);
GO
CREATE NONCLUSTERED INDEX [IX_FactPremiumPartitioned_Policy]
    ON [dw].[FactPremiumPartitioned] ([PolicyKey])
    ON [ps_premium_year] ([DateKey]);
GO
