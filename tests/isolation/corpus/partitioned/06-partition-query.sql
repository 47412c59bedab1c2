SELECT $PARTITION.pf_premium_year(f.DateKey) AS PartitionNumber, COUNT(*) AS Rows
FROM dw.FactPremiumPartitioned AS f
GROUP BY $PARTITION.pf_premium_year(f.DateKey)
ORDER BY PartitionNumber;
SELECT p.partition_number, p.rows
FROM sys.partitions p
WHERE p.object_id = OBJECT_ID(N'dw.FactPremiumPartitioned') AND p.index_id IN (0, 1);
