DECLARE region_cur SCROLL CURSOR FOR SELECT RegionId, RegionName FROM sbx_dbo.Regions
GO
DECLARE @id INT, @name NVARCHAR(100)
OPEN region_cur
FETCH LAST FROM region_cur INTO @id, @name
FETCH PRIOR FROM region_cur INTO @id, @name
FETCH ABSOLUTE 1 FROM region_cur INTO @id, @name
PRINT @name
CLOSE region_cur
DEALLOCATE region_cur
GO
