CREATE TABLE stage.Claims (
    ClaimNumber  VARCHAR(30) NOT NULL,
    PolicyNumber VARCHAR(30) NOT NULL,
    LossDate     DATE NULL,
    Reserve      DECIMAL(18,2) NULL
);
GO
DECLARE @schemaName sysname = N'stage', @tableName sysname = N'Claims';
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Claims as delivered by the TPA.',
    @level0type = N'SCHEMA', @level0name = @schemaName, @level1type = N'TABLE', @level1name = @tableName;
GO
