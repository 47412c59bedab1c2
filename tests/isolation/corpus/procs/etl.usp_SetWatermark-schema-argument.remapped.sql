CREATE PROCEDURE sbx_etl.usp_SetWatermark @SourceName VARCHAR(100), @Value DATETIME2(3)
AS
UPDATE sbx_etl.Watermark SET LastValue = @Value, UpdatedAt = SYSUTCDATETIME() WHERE SourceName = @SourceName;
IF @@ROWCOUNT = 0
    INSERT INTO sbx_etl.Watermark (SourceName, LastValue, UpdatedAt) VALUES (@SourceName, @Value, SYSUTCDATETIME());
GO
EXEC sbx_etl.usp_SetWatermark @SourceName = 'crm.contacts', @Value = '2024-01-01';
EXEC sbx_etl.usp_SetWatermark 'dbo.Policies', '2024-01-01';
GO
