SET NOCOUNT ON;
BEGIN TRANSACTION;
INSERT INTO etl.stg_regions (region, brokers) VALUES (N'Left open', 1);
GO
