CREATE PROCEDURE etl.usp_SetWatermark @SourceName VARCHAR(100), @Value DATETIME2(3)
AS
UPDATE etl.Watermark SET LastValue = @Value, UpdatedAt = SYSUTCDATETIME() WHERE SourceName = @SourceName;
IF @@ROWCOUNT = 0
    INSERT INTO etl.Watermark (SourceName, LastValue, UpdatedAt) VALUES (@SourceName, @Value, SYSUTCDATETIME());
GO
EXEC etl.usp_SetWatermark @SourceName = 'crm.contacts', @Value = '2024-01-01';
EXEC etl.usp_SetWatermark 'dbo.Policies', '2024-01-01';
GO
