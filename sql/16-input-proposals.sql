/*
    16-input-proposals.sql
    raw_data.proposals -> [etl].[in_proposals].
*/
SET NOCOUNT ON;

TRUNCATE TABLE [etl].[in_proposals];

INSERT INTO [etl].[in_proposals]
    (source_row_id, proposal_number, broker_code, client_code, group_code, product_code,
     status_code, submitted_date, quoted_premium, loaded_at)
SELECT  source_row_id,
        NULLIF(UPPER(TRIM(proposal_number)), ''),
        NULLIF(UPPER(TRIM(broker_code)), ''),
        NULLIF(UPPER(TRIM(client_code)), ''),
        NULLIF(UPPER(TRIM(group_code)), ''),
        NULLIF(UPPER(TRIM(product_code)), ''),
        NULLIF(UPPER(TRIM(status_code)), ''),
        submitted_date,
        NULLIF(TRIM(quoted_premium), ''),
        loaded_at
FROM raw_data.proposals;

PRINT CONCAT('in_proposals: ', @@ROWCOUNT, ' rows');
GO
