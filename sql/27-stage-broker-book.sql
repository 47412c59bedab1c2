/*
    27-stage-broker-book.sql
    One row per staged broker: the size of its book across policies, groups,
    proposals and claims. Brokers with nothing yet get zeros.
*/
SET NOCOUNT ON;

DECLARE @staged INT;

TRUNCATE TABLE [etl].[stg_broker_book];

WITH policy_totals AS (
    SELECT  broker_code,
            COUNT(*) AS policy_count,
            SUM(CASE WHEN status = 'IN_FORCE' THEN 1 ELSE 0 END) AS active_policy_count,
            SUM(annual_premium) AS total_annual_premium
    FROM [etl].[stg_policies]
    GROUP BY broker_code
),
group_totals AS (
    SELECT broker_code, COUNT(*) AS group_count
    FROM [etl].[stg_groups]
    GROUP BY broker_code
),
proposal_totals AS (
    SELECT broker_code, COUNT(*) AS proposal_count
    FROM [etl].[stg_proposals]
    GROUP BY broker_code
),
claim_totals AS (
    SELECT p.broker_code, COUNT(*) AS claim_count
    FROM [etl].[stg_claims] AS c
    JOIN [etl].[stg_policies] AS p ON p.policy_number = c.policy_number
    GROUP BY p.broker_code
)
INSERT INTO [etl].[stg_broker_book]
    (broker_code, policy_count, active_policy_count, group_count, total_annual_premium,
     proposal_count, claim_count)
SELECT  b.broker_code,
        ISNULL(pt.policy_count, 0),
        ISNULL(pt.active_policy_count, 0),
        ISNULL(gt.group_count, 0),
        ISNULL(pt.total_annual_premium, 0),
        ISNULL(prt.proposal_count, 0),
        ISNULL(ct.claim_count, 0)
FROM [etl].[stg_brokers] AS b
LEFT JOIN policy_totals   AS pt  ON pt.broker_code = b.broker_code
LEFT JOIN group_totals    AS gt  ON gt.broker_code = b.broker_code
LEFT JOIN proposal_totals AS prt ON prt.broker_code = b.broker_code
LEFT JOIN claim_totals    AS ct  ON ct.broker_code = b.broker_code;

SET @staged = @@ROWCOUNT;
PRINT CONCAT('stg_broker_book: ', @staged, ' brokers');
GO
