CREATE PROCEDURE etl.usp_LoadClaims
    @Inserted INT OUTPUT,
    @Updated  INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @changes TABLE (action NVARCHAR(10));

    MERGE INTO dbo.Claims WITH (HOLDLOCK) AS t
    USING stage.Claims AS s
       ON t.ClaimNumber = s.ClaimNumber
    WHEN MATCHED THEN UPDATE SET t.Reserve = s.Reserve, t.LossDate = s.LossDate
    WHEN NOT MATCHED THEN INSERT (ClaimNumber, PolicyNumber, LossDate, Reserve)
         VALUES (s.ClaimNumber, s.PolicyNumber, s.LossDate, s.Reserve)
    OUTPUT $action INTO @changes (action);

    SELECT @Inserted = SUM(CASE WHEN action = 'INSERT' THEN 1 ELSE 0 END),
           @Updated  = SUM(CASE WHEN action = 'UPDATE' THEN 1 ELSE 0 END)
    FROM @changes;
END
GO
