/*
    10-load-code-maps.sql
    Source-system spellings -> the codes production uses. Kept as data so the
    business can add a spelling without touching the transforms.
*/
SET NOCOUNT ON;

DECLARE @changed INT;

BEGIN TRY
    MERGE [etl].[map_codes] AS tgt
    USING (VALUES
        (N'BROKER_STATUS', N'A',        N'ACTIVE',        N'Active broker'),
        (N'BROKER_STATUS', N'ACT',      N'ACTIVE',        N'Active broker'),
        (N'BROKER_STATUS', N'ACTIVE',   N'ACTIVE',        N'Active broker'),
        (N'BROKER_STATUS', N'I',        N'INACTIVE',      N'Inactive broker'),
        (N'BROKER_STATUS', N'INACT',    N'INACTIVE',      N'Inactive broker'),
        (N'BROKER_STATUS', N'INACTIVE', N'INACTIVE',      N'Inactive broker'),
        (N'BROKER_STATUS', N'S',        N'SUSPENDED',     N'Suspended broker'),
        (N'BROKER_STATUS', N'SUSP',     N'SUSPENDED',     N'Suspended broker'),
        (N'PRODUCT_LINE',  N'L',        N'LIFE',          N'Life'),
        (N'PRODUCT_LINE',  N'LIFE',     N'LIFE',          N'Life'),
        (N'PRODUCT_LINE',  N'HLTH',     N'HEALTH',        N'Health'),
        (N'PRODUCT_LINE',  N'HEALTH',   N'HEALTH',        N'Health'),
        (N'PRODUCT_LINE',  N'DENT',     N'DENTAL',        N'Dental'),
        (N'PRODUCT_LINE',  N'DENTAL',   N'DENTAL',        N'Dental'),
        (N'PRODUCT_LINE',  N'DI',       N'DISABILITY',    N'Disability income'),
        (N'PRODUCT_LINE',  N'DIS',      N'DISABILITY',    N'Disability income'),
        (N'GENDER',        N'F',        N'F',             N'Female'),
        (N'GENDER',        N'FEMALE',   N'F',             N'Female'),
        (N'GENDER',        N'M',        N'M',             N'Male'),
        (N'GENDER',        N'MALE',     N'M',             N'Male'),
        (N'GENDER',        N'U',        N'U',             N'Not stated'),
        (N'GENDER',        N'X',        N'X',             N'Non-binary'),
        (N'INDUSTRY',      N'MFG',      N'MANUFACTURING', N'Manufacturing'),
        (N'INDUSTRY',      N'MANUF',    N'MANUFACTURING', N'Manufacturing'),
        (N'INDUSTRY',      N'RET',      N'RETAIL',        N'Retail'),
        (N'INDUSTRY',      N'HC',       N'HEALTHCARE',    N'Healthcare'),
        (N'INDUSTRY',      N'HLTHC',    N'HEALTHCARE',    N'Healthcare'),
        (N'INDUSTRY',      N'EDU',      N'EDUCATION',     N'Education'),
        (N'INDUSTRY',      N'TECH',     N'TECHNOLOGY',    N'Technology'),
        (N'INDUSTRY',      N'IT',       N'TECHNOLOGY',    N'Technology'),
        (N'INDUSTRY',      N'CON',      N'CONSTRUCTION',  N'Construction'),
        (N'INDUSTRY',      N'FIN',      N'FINANCE',       N'Finance'),
        (N'POLICY_STATUS', N'IF',       N'IN_FORCE',      N'In force'),
        (N'POLICY_STATUS', N'INFORCE',  N'IN_FORCE',      N'In force'),
        (N'POLICY_STATUS', N'ACTIVE',   N'IN_FORCE',      N'In force'),
        (N'POLICY_STATUS', N'L',        N'LAPSED',        N'Lapsed'),
        (N'POLICY_STATUS', N'LAPSED',   N'LAPSED',        N'Lapsed'),
        (N'POLICY_STATUS', N'C',        N'CANCELLED',     N'Cancelled'),
        (N'POLICY_STATUS', N'CANC',     N'CANCELLED',     N'Cancelled'),
        (N'POLICY_STATUS', N'P',        N'PENDING',       N'Pending issue'),
        (N'POLICY_STATUS', N'PEND',     N'PENDING',       N'Pending issue'),
        (N'PROPOSAL_STATUS', N'Q',      N'QUOTED',        N'Quoted'),
        (N'PROPOSAL_STATUS', N'QUOTED', N'QUOTED',        N'Quoted'),
        (N'PROPOSAL_STATUS', N'A',      N'ACCEPTED',      N'Accepted'),
        (N'PROPOSAL_STATUS', N'ACC',    N'ACCEPTED',      N'Accepted'),
        (N'PROPOSAL_STATUS', N'D',      N'DECLINED',      N'Declined'),
        (N'PROPOSAL_STATUS', N'DEC',    N'DECLINED',      N'Declined'),
        (N'PROPOSAL_STATUS', N'W',      N'WITHDRAWN',     N'Withdrawn'),
        (N'CLAIM_STATUS',  N'O',        N'OPEN',          N'Open'),
        (N'CLAIM_STATUS',  N'OPEN',     N'OPEN',          N'Open'),
        (N'CLAIM_STATUS',  N'C',        N'CLOSED',        N'Closed'),
        (N'CLAIM_STATUS',  N'CLOSED',   N'CLOSED',        N'Closed'),
        (N'CLAIM_STATUS',  N'R',        N'REOPENED',      N'Reopened'),
        (N'CLAIM_STATUS',  N'D',        N'DENIED',        N'Denied'),
        (N'CLAIM_STATUS',  N'DEN',      N'DENIED',        N'Denied')
    ) AS src (code_set, source_code, target_code, description)
        ON tgt.code_set = src.code_set
       AND tgt.source_code = src.source_code
    WHEN MATCHED AND (tgt.target_code <> src.target_code
                      OR ISNULL(tgt.description, N'') <> ISNULL(src.description, N'')) THEN
        UPDATE SET tgt.target_code = src.target_code,
                   tgt.description = src.description
    WHEN NOT MATCHED BY TARGET THEN
        INSERT (code_set, source_code, target_code, description)
        VALUES (src.code_set, src.source_code, src.target_code, src.description);

    SET @changed = @@ROWCOUNT;
    PRINT CONCAT(N'map_codes: ', @changed, N' rows inserted or updated');
END TRY
BEGIN CATCH
    PRINT N'10-load-code-maps failed: ' + ERROR_MESSAGE();
    THROW;
END CATCH
GO
