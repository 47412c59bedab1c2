SELECT COUNT(*)
FROM sbx_dbo
    .Policies AS p
JOIN [sbx_dbo]
    .[Brokers] AS b ON b.BrokerId = p.BrokerId;
DELETE FROM sbx_stage .Claims WHERE Reserve IS NULL;
