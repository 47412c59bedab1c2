-- Reference data is read-only for the pipeline: it is created here by the DBA project only.
CREATE TABLE [ref].[Currency] (
    [CurrencyCode] CHAR (3)       NOT NULL,
    [CurrencyName] NVARCHAR (100) NOT NULL,
    [MinorUnits]   TINYINT        NOT NULL,
    CONSTRAINT [PK_Currency] PRIMARY KEY CLUSTERED ([CurrencyCode] ASC)
);
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'ISO 4217 currencies.', @level0type = N'SCHEMA', @level0name = N'ref', @level1type = N'TABLE', @level1name = N'Currency';
GO
