WITH duplicates AS (
    SELECT ROW_NUMBER() OVER (PARTITION BY PolicyNumber ORDER BY LoadedAt DESC) AS rn
    FROM stage.PolicyLoad
)
DELETE FROM duplicates WHERE rn > 1;
