CREATE SEQUENCE [sbx_dbo].[PolicyNumberSequence]
    AS BIGINT
    START WITH 1000000
    INCREMENT BY 1
    CACHE 100;
GO
CREATE TABLE [sbx_dbo].[PolicyNumbers] (
    [PolicyNumber] BIGINT NOT NULL CONSTRAINT [DF_PolicyNumbers_Next] DEFAULT (NEXT VALUE FOR [sbx_dbo].[PolicyNumberSequence]),
    [IssuedAt]     DATETIME2 NOT NULL
);
GO
