SELECT COUNT(*)
FROM dbo
    .Policies AS p
JOIN [dbo]
    .[Brokers] AS b ON b.BrokerId = p.BrokerId;
DELETE FROM stage .Claims WHERE Reserve IS NULL;
