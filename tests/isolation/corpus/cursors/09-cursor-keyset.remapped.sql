DECLARE claim_cursor CURSOR KEYSET TYPE_WARNING FOR
SELECT ClaimNumber, Reserve FROM [sbx_stage].[Claims] WHERE Reserve IS NOT NULL;
DECLARE @claim VARCHAR(30), @reserve DECIMAL(18, 2);
OPEN claim_cursor;
FETCH NEXT FROM claim_cursor INTO @claim, @reserve;
WHILE (@@FETCH_STATUS <> -1)
BEGIN
    IF (@@FETCH_STATUS <> -2)
        UPDATE [sbx_dbo].[Claims] SET Reserve = @reserve WHERE ClaimNumber = @claim;
    FETCH NEXT FROM claim_cursor INTO @claim, @reserve;
END;
CLOSE claim_cursor;
DEALLOCATE claim_cursor;
