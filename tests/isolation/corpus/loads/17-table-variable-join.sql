DECLARE @regions TABLE (RegionId INT PRIMARY KEY, RegionName NVARCHAR(100));
INSERT INTO @regions SELECT RegionId, RegionName FROM dbo.Regions WHERE Country = 'NL';
SELECT b.BrokerName, r.RegionName FROM dbo.Brokers b JOIN @regions r ON r.RegionId = b.RegionId;
DELETE b FROM stage.Brokers b WHERE NOT EXISTS (SELECT 1 FROM @regions r WHERE r.RegionName = b.region);
